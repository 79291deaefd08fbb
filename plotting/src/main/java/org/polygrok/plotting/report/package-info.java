/**
 * The HTML report's parts: one section per experiment, summary tables, backend differences.
 *
 * <p>May import: {@code results}, {@code figures}, {@code draw}.
 */
package org.polygrok.plotting.report;
