/**
 * The results contract (docs/RESULTS.md): one record per results file, each reading and writing its file
 * side by side, as {@code api/io/SafeTensors} does for weights — {@link org.polygrok.plotting.results.ExperimentRecord}
 * (experiment.json), {@link org.polygrok.plotting.results.TrialConfig} (config.json),
 * {@link org.polygrok.plotting.results.TrialStatus} (status.json, the one status type of a trial),
 * {@link org.polygrok.plotting.results.MetricsRecord} (metrics.jsonl), {@link org.polygrok.plotting.results.TrialFiles}
 * (a trial folder's files), {@link org.polygrok.plotting.results.SummaryRow},
 * {@link org.polygrok.plotting.results.MeanStd} and {@link org.polygrok.plotting.results.SeedComparison} (summary.json,
 * its seed statistics included), {@link org.polygrok.plotting.results.AttentionMaps}
 * (attention*.json); the one JSON configuration ({@link org.polygrok.plotting.results.Json}), the one atomic write
 * ({@link org.polygrok.plotting.results.AtomicFiles}), the one way quantities are labelled, formatted and ranked
 * ({@link org.polygrok.plotting.results.SummaryMetrics}); and the reader plotting draws from
 * ({@link org.polygrok.plotting.results.ResultsReader} into {@link org.polygrok.plotting.results.ExperimentFolder}).
 * The experiments module writes through these same classes.
 *
 * <p>May import: Jackson. Nothing else of polygrok: no engine, no api, so plotting redraws any results folder
 * without loading an engine.
 */
package org.polygrok.plotting.results;
