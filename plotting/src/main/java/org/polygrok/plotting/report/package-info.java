/**
 * The HTML report's parts: one section per experiment, summary tables, backend differences.
 *
 * <p>May import: {@code results}, {@code figures}.
 */
package org.polygrok.plotting.report;
