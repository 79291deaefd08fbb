package org.polygrok.experiments.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.cli.Polygrok;

/** Bad --executor, --master and --conf get one sentence and exit code 2 before anything starts or is written. */
class ExecutorOptionsTest {
    @TempDir
    Path tmp;

    private String refused(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "run";
        args[1] = "sanity";
        args[2] = "--scale=quick";
        args[3] = "--out=" + tmp.resolve("out");
        System.arraycopy(extra, 0, args, 4, extra.length);
        StringWriter err = new StringWriter();
        int code = Polygrok.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(Files.exists(tmp.resolve("out"))).as("nothing written").isFalse();
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        return err.toString();
    }

    @Test
    void anUnknownExecutorIsRefused() {
        assertThat(refused("--executor=mesos")).contains("--executor is local or spark, got 'mesos'");
    }

    @Test
    void sparkSettingsNeedTheSparkExecutor() {
        assertThat(refused("--master=local[2]")).contains("--master and --conf are Spark settings");
        assertThat(refused("--conf=spark.task.cpus=2")).contains("they need --executor spark");
    }

    @Test
    void aConfWithoutKeyValueIsRefused() {
        assertThat(refused("--executor=spark", "--conf=spark.task.cpus")).contains("--conf takes KEY=VALUE");
    }

    @Test
    void speculationIsRefused() {
        assertThat(refused("--executor=spark", "--master=local[1]", "--conf=spark.speculation=true"))
                .contains("spark.speculation=true would run a trial twice at once");
    }
}
