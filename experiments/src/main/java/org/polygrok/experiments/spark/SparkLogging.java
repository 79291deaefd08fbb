package org.polygrok.experiments.spark;

/**
 * Spark logs through SLF4J to polygrok's slf4j-simple (its log4j binding is left out of the build): errors only
 * from Spark, Hadoop and Netty, unless {@code --verbose} asks for Spark's INFO lines. Set before Spark's first
 * logger exists; a level the user set with {@code -Dorg.slf4j.simpleLogger.log.<name>} is kept.
 */
final class SparkLogging {
    private static final String PREFIX = "org.slf4j.simpleLogger.log.";
    private static final String[] NOISY = {"org.apache.spark", "org.apache.hadoop", "org.sparkproject", "io.netty",
        "org.apache.spark.util.Utils", "org.apache.spark.util.SizeEstimator"};

    private SparkLogging() {
    }

    static void quiet(boolean verbose) {
        for (String name : NOISY) {
            if (System.getProperty(PREFIX + name) == null) {
                System.setProperty(PREFIX + name, verbose && name.equals("org.apache.spark") ? "info" : "error");
            }
        }
    }
}
