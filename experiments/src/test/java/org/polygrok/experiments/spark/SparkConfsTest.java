package org.polygrok.experiments.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Spark settings polygrok adds when the user has not set them. */
class SparkConfsTest {
    private final String homeBefore = System.getProperty(SparkConfs.HOME_PROPERTY);

    @AfterEach
    void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty(SparkConfs.HOME_PROPERTY);
        } else {
            System.setProperty(SparkConfs.HOME_PROPERTY, homeBefore);
        }
    }

    @Test
    void clusterExecutorsPutSparksJarsBeforePolygroksLibraries() {
        System.setProperty(SparkConfs.HOME_PROPERTY, "/opt/polygrok");
        SparkConf conf = SparkConfs.of(settings("spark://head:7077", Map.of()));
        // lib/ holds commons-lang3 3.11; Spark 4's executor dies at start on it (NoSuchFieldError JAVA_21)
        assertThat(conf.get("spark.executor.extraClassPath")).isEqualTo("/opt/polygrok/lib/spark/*:/opt/polygrok/lib/*");
    }

    @Test
    void theUsersOwnExecutorClassPathIsKept() {
        System.setProperty(SparkConfs.HOME_PROPERTY, "/opt/polygrok");
        SparkConf conf = SparkConfs.of(settings("spark://head:7077", Map.of("spark.executor.extraClassPath", "/mine/*")));
        assertThat(conf.get("spark.executor.extraClassPath")).isEqualTo("/mine/*");
    }

    @Test
    void localMastersNeedNoExecutorClassPathAndShowNoWebUi() {
        System.setProperty(SparkConfs.HOME_PROPERTY, "/opt/polygrok");
        SparkConf conf = SparkConfs.of(settings("local[2]", Map.of()));
        assertThat(conf.contains("spark.executor.extraClassPath")).isFalse();
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.task.cpus")).isEqualTo("1");
    }

    private static SparkSettings settings(String master, Map<String, String> conf) {
        return new SparkSettings(master, conf, false);
    }
}
