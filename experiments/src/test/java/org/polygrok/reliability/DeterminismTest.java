package org.polygrok.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.experiments.train.TrialDirectory;

/**
 * The same trial trained twice on one backend with the same thread count logs bit-identical metrics (every
 * loss, accuracy and weight norm at every evaluation; only the wall time differs). One line per backend goes to
 * {@code target/reliability/determinism.md}.
 */
class DeterminismTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"djl", "tf", "nd4j"})
    void theSameTrialTwiceGivesBitIdenticalMetrics(String backend) throws IOException {
        List<MetricsRecord> first = train(backend, tmp.resolve("first"));
        List<MetricsRecord> second = train(backend, tmp.resolve("second"));
        record(backend, first, second);
        assertThat(second).hasSameSizeAs(first).isEqualTo(first);
    }

    private static List<MetricsRecord> train(String backend, Path out) {
        Cli.Result r = Cli.run("train", "--backend=" + backend, "--model=gpt", "--p=7", "--dim=16", "--layers=1",
                "--steps=60", "--eval-first=2", "--eval-period=10", "--threads=2", "--out=" + out);
        assertThat(r.code()).as(r.all()).isZero();
        return ResultsTree.withoutTimes(new TrialDirectory(out).readMetrics());
    }

    /** Appends "| backend | evaluations | identical | largest difference |" to the report table. */
    private static void record(String backend, List<MetricsRecord> a, List<MetricsRecord> b) throws IOException {
        double largest = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            MetricsRecord x = a.get(i);
            MetricsRecord y = b.get(i);
            for (double d : new double[] {x.trainLoss() - y.trainLoss(), x.valLoss() - y.valLoss(),
                x.trainAccuracy() - y.trainAccuracy(), x.valAccuracy() - y.valAccuracy(), x.paramNorm() - y.paramNorm()}) {
                largest = Math.max(largest, Math.abs(d));
            }
        }
        Path table = Path.of("target", "reliability", "determinism.md");
        Files.createDirectories(table.getParent());
        Files.writeString(table, String.format(Locale.ROOT, "| %s | 2 | %d | %s | %.3g |%n", backend, a.size(),
                a.equals(b) ? "yes" : "no", largest), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
