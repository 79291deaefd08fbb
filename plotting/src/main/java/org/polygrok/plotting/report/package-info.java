/**
 * The HTML report's parts: one section per experiment, summary tables, backend differences, and the
 * backends (and the reference) against seed variation ({@code SeedComparisonTables}).
 *
 * <p>May import: {@code results}, {@code figures}, {@code draw}.
 */
package org.polygrok.plotting.report;
