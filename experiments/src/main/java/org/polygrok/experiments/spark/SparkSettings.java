package org.polygrok.experiments.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach Spark: the master ({@code local[N]}, {@code spark://host:port}, {@code yarn}, {@code k8s://…};
 * null = the one {@code spark-submit} set, else {@code local[*]}), extra Spark settings ({@code --conf}), and
 * whether Spark may log at INFO level ({@code --verbose}).
 */
public record SparkSettings(String master, Map<String, String> conf, boolean verbose) {

    public SparkSettings {
        conf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }

    /**
     * One {@code --conf KEY=VALUE} pair.
     *
     * @throws IllegalArgumentException with one sentence when it is not KEY=VALUE with a key
     */
    public static Map.Entry<String, String> parseConf(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--conf takes KEY=VALUE (a Spark setting such as "
                    + "spark.task.cpus=2), got '" + pair + "'");
        }
        return Map.entry(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
}
