/**
 * The HTML report's parts: one section per experiment, summary tables (best values bold, values beyond
 * seed variation from another backend marked "≠" by summary.json's permutation-test verdicts), and the
 * backends (and the reference) against seed variation ({@code SeedComparisonTables}); all read from
 * {@code results.SummaryRow}.
 *
 * <p>May import: {@code results}, {@code figures}, {@code draw}.
 */
package org.polygrok.plotting.report;
