/**
 * Sweeps on Apache Spark ({@code polygrok run|resume --executor spark}): one trial is one Spark task, which
 * runs the trial in its own JVM on the executor's host exactly as the local executor does
 * ({@link org.polygrok.experiments.sweep.run.ProcessTrialExecutor}, the same trial child and folder), with
 * {@code spark.task.cpus} engine threads. Results live on a folder every executor sees ({@code --out} on a
 * shared mount); the driver plans the sweep, reads the trial folders for its progress and writes the
 * summaries. A lost task is retried by Spark ({@code spark.task.maxFailures}) and continues from the trial's
 * checkpoint.
 *
 * <p>Only {@link org.polygrok.experiments.spark.SparkExecutors} and {@link
 * org.polygrok.experiments.spark.SparkSettings} may be named outside this package: every other class here
 * touches Spark, whose jars are on the class path only for {@code --executor spark} (the launcher adds
 * {@code lib/spark/}) or under {@code spark-submit} ({@link org.polygrok.experiments.spark.SparkSweepMain}).
 */
package org.polygrok.experiments.spark;
