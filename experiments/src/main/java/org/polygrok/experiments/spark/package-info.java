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
 * {@code lib/spark/}) or under {@code spark-submit} (its main class is {@code SparkSubmitMain} in {@code cli},
 * which this package never imports).
 *
 * <p>May import: {@code sweep.run}, {@code sweep.plan}, {@code progress}, {@code process}, {@code train},
 * {@code org.polygrok.plotting.results}, Spark. Not {@code cli}.
 */
package org.polygrok.experiments.spark;
