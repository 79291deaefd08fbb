package org.polygrok.experiments.spark;

import java.util.Locale;
import org.apache.spark.SparkConf;

/**
 * The Spark settings of a sweep: those {@code spark-submit} set (spark.* system properties), then the master
 * and {@code --conf} pairs given to polygrok, then polygrok's defaults for what is still unset: one core per
 * trial ({@code spark.task.cpus=1}), no web UI on {@code local[N]}, and on a cluster the executors' class path
 * {@link #executorClassPath} (the tarball unpacked at the same path on every node).
 */
final class SparkConfs {
    /** Where the launcher says polygrok is installed. */
    static final String HOME_PROPERTY = "polygrok.home";

    private SparkConfs() {
    }

    static SparkConf of(SparkSettings settings) {
        SparkConf conf = new SparkConf();
        if (settings.master() != null) {
            conf.setMaster(settings.master());
        }
        settings.conf().forEach(conf::set);
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", "polygrok sweep");
        conf.setIfMissing("spark.task.cpus", "1");
        if (conf.getBoolean("spark.speculation", false)) {
            throw new IllegalArgumentException("spark.speculation=true would run a trial twice at once in its folder; "
                    + "leave it off for polygrok sweeps");
        }
        if (isLocal(conf)) {
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (System.getProperty(HOME_PROPERTY) != null) {
            conf.setIfMissing("spark.executor.extraClassPath", executorClassPath(System.getProperty(HOME_PROPERTY)));
        }
        if (conf.getInt("spark.task.cpus", 1) < 1) {
            throw new IllegalArgumentException("spark.task.cpus must be at least 1, got " + conf.get("spark.task.cpus"));
        }
        return conf;
    }

    /**
     * {@code <home>/lib/spark/*:<home>/lib/*}: Spark's jars first, as the launcher orders the driver's, because
     * {@code extraClassPath} comes before the executor's own Spark jars and {@code lib/} holds older versions
     * of libraries Spark 4 needs newer (commons-lang3 3.11 makes an executor die at start with
     * {@code NoSuchFieldError: JAVA_21}). The trial JVMs an executor starts get {@code <home>/lib/*} alone.
     */
    static String executorClassPath(String home) {
        return home + "/lib/spark/*:" + home + "/lib/*";
    }

    static boolean isLocal(SparkConf conf) {
        return conf.get("spark.master").toLowerCase(Locale.ROOT).startsWith("local");
    }
}
