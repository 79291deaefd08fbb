package org.polygrok.experiments.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Starts the Spark executor of a sweep: connects to the master, waits for the cluster's executors, checks that
 * they see the results folder, and returns the executor with the number of trials the cluster runs at once; and
 * finds polygrok's home under {@code spark-submit}.
 * The only entry to this package that touches no Spark class itself, so that commands without
 * {@code --executor spark} never load Spark.
 */
public final class SparkExecutors {
    private SparkExecutors() {
    }

    /**
     * @param out the sweep's results folder (must be visible from every executor)
     * @param messages where notes for the user go (a lost task, for one)
     * @throws IllegalArgumentException with one sentence when Spark is not on the class path, a setting is
     *     wrong, or an executor cannot see {@code out}
     */
    public static ClusterExecutor open(SparkSettings settings, Path out, Consumer<String> messages) {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkExecutors.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("Spark's jars are not on the class path; start polygrok with bin/polygrok "
                    + "(which adds lib/spark/ for --executor spark) or through spark-submit");
        }
        SparkTrialExecutor executor = new SparkTrialExecutor(settings, messages);
        try {
            executor.requireVisible(out, executor.slots());
            return executor;
        } catch (RuntimeException e) {
            executor.close();
            throw e;
        }
    }

    /**
     * Sets {@code polygrok.home}, when unset, to the folder above the {@code lib/} folder this jar lies in: under
     * {@code spark-submit}, which starts polygrok without the launcher that sets it. Trials then run with
     * {@code <home>/lib/*}; where the jar lies elsewhere, with the executors' own class path.
     */
    public static void locateHome() {
        if (System.getProperty(SparkConfs.HOME_PROPERTY) != null) {
            return;
        }
        try {
            Path jar = Path.of(SparkExecutors.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (lib != null && lib.getFileName().toString().equals("lib") && Files.isRegularFile(jar)) {
                System.setProperty(SparkConfs.HOME_PROPERTY, lib.getParent().toString());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // trials then use the executors' own class path
        }
    }
}
