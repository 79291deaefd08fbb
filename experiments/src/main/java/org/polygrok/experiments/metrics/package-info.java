/**
 * Evaluation metrics (PROTOCOL §7): per-set loss and accuracy, a trial's extrema and first-reaching steps,
 * and their aggregation over seeds.
 *
 * <p>May import: {@code org.polygrok.api}, {@code org.polygrok.plotting.results} (the metrics.jsonl record).
 */
package org.polygrok.experiments.metrics;
