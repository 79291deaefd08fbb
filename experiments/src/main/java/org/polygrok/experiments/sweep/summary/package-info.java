/**
 * An experiment's summary: rows aggregated over seeds from the trial folders ({@code SweepSummary}), and
 * {@code summary.json}, {@code summary.csv}, {@code summary.md} written from them (tables, Q3's answers,
 * backends side by side, and each difference against seed variation: {@code SeedGroups}).
 *
 * <p>May import: {@code sweep.plan}, {@code study}, {@code train}, {@code metrics}, {@code stats},
 * {@code org.polygrok.plotting.results}. Not {@code sweep.run}.
 */
package org.polygrok.experiments.sweep.summary;
