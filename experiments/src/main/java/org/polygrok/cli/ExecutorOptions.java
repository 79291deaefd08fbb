package org.polygrok.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.spark.SparkSettings;
import picocli.CommandLine.Option;

/** {@code --executor local|spark}, {@code --master} and {@code --conf}: where the trials of {@code run} and {@code resume} run. */
final class ExecutorOptions {
    @Option(names = "--executor", paramLabel = "local|spark", defaultValue = "local",
            description = "local = trials in processes on this machine (default); spark = one Spark task per trial "
                    + "on the cluster of --master, with --out on a folder every executor sees.")
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --executor spark: local[N], spark://HOST:PORT, yarn, k8s://… "
                    + "(default: the one spark-submit set, else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting for --executor spark, e.g. spark.task.cpus=2 (engine threads per trial) "
                    + "or spark.executor.memory=4g. Repeatable.")
    List<String> conf;

    /**
     * Whether trials run on Spark.
     *
     * @throws IllegalArgumentException with one sentence for an unknown executor, or Spark options without it
     */
    boolean spark() {
        switch (executor) {
            case "spark" -> {
                return true;
            }
            case "local" -> {
                if (master != null || (conf != null && !conf.isEmpty())) {
                    throw new IllegalArgumentException("--master and --conf are Spark settings; they need --executor spark");
                }
                return false;
            }
            default -> throw new IllegalArgumentException("--executor is local or spark, got '" + executor + "'");
        }
    }

    SparkSettings settings(boolean verbose) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (conf != null) {
            for (String pair : conf) {
                Map.Entry<String, String> kv = SparkSettings.parseConf(pair);
                pairs.put(kv.getKey(), kv.getValue());
            }
        }
        return new SparkSettings(master, pairs, verbose);
    }
}
