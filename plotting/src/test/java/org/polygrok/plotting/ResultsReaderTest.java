package org.polygrok.plotting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.plotting.results.ExperimentFolder;
import org.polygrok.plotting.results.MetricsTable;
import org.polygrok.plotting.results.ResultsReader;
import org.polygrok.plotting.results.Setting;
import org.polygrok.plotting.results.SummaryRow;
import org.polygrok.plotting.results.Trial;

/** Reading the results files of docs/RESULTS.md, and one clear sentence for each kind of bad input. */
class ResultsReaderTest {

    static Path root;

    @BeforeAll
    static void fixture() {
        root = RenderedFixture.root();
    }

    @Test
    void findsEveryExperimentByName() {
        assertThat(ResultsReader.findExperiments(root).stream().map(p -> p.getFileName().toString()))
                .containsExactly("attention", "compute", "data-scaling", "model-size", "orders", "regularization", "sanity");
        assertThat(ResultsReader.findExperiments(root.resolve("sanity"))).containsExactly(root.resolve("sanity"));
    }

    @Test
    void readsSpecTrialsAndSummary() {
        ExperimentFolder e = ResultsReader.read(root.resolve("model-size"));
        assertThat(e.spec().experiment()).isEqualTo("model-size");
        assertThat(e.spec().question()).isEqualTo("Q5");
        assertThat(e.spec().sweep()).containsExactly("layers", "dim");
        assertThat(e.spec().seeds()).containsExactly(0L, 42L);
        assertThat(e.trials()).hasSize(36);
        Trial t = e.trials().get(0);
        assertThat(t.point().number("layers")).isIn(1.0, 2.0, 3.0);
        assertThat(t.metrics().size()).isEqualTo(121); // 0..100, 200..2000 by 100, 2001
        assertThat(t.metrics().steps()[0]).isZero();
        assertThat(t.metrics().column("train_loss")[0]).isCloseTo(3.55, within(0.1));
        assertThat(t.statusLabel()).isEqualTo("DONE");
        assertThat(e.summary()).hasSize(18);
        SummaryRow r = e.summary().get(0);
        assertThat(r.hasAlpha()).isFalse();
        assertThat(r.numParams()).isPositive();
        assertThat(r.metric("A_train").known()).isTrue();
        assertThat(r.metric("no_such_metric").known()).isFalse();
        assertThat(e.backends()).containsExactly("djl");
        assertThat(e.models()).containsExactly("lstm", "gpt");
    }

    @Test
    void readsFailedTrialsAlphaRowsAndAttention() {
        ExperimentFolder ds = ResultsReader.read(root.resolve("data-scaling"));
        assertThat(ds.trials().stream().filter(Trial::failed).map(t -> t.status().reason()))
                .containsExactly("NaN loss at step 501");
        ExperimentFolder compute = ResultsReader.read(root.resolve("compute"));
        assertThat(compute.summary()).allSatisfy(r -> assertThat(r.hasAlpha()).isTrue());
        ExperimentFolder attention = ResultsReader.read(root.resolve("attention"));
        assertThat(attention.spec().question()).isEqualTo("Q8");
        assertThat(attention.attention()).hasSize(2).first().satisfies(a -> {
            assertThat(a.backend()).isEqualTo("djl");
            assertThat(a.samples()).hasSize(2);
            assertThat(a.samples().get(0).tokens()).containsExactly("BOS", "11", "+", "3", "=", "14");
            assertThat(a.samples().get(0).attentions()[1][3][5]).hasSize(6);
        });
        assertThat(attention.attention().get(1).backend()).isEqualTo("tf");
        assertThat(attention.backends()).containsExactly("djl", "tf");
    }

    @Test
    void settingsAreEqualByValue() {
        assertThat(new Setting(Map.of("layers", 2, "dim", 64))).isEqualTo(new Setting(Map.of("dim", 64.0, "layers", 2.0)));
        assertThat(new Setting(Map.of("layers", 2))).isNotEqualTo(new Setting(Map.of("layers", 3)));
        assertThat(Setting.EMPTY.toString()).isEqualTo("default");
        assertThatThrownBy(() -> new Setting(Map.of("r_train", "x")).number("r_train"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("r_train");
    }

    @Test
    void aTruncatedLastMetricsLineIsSkippedButABrokenMiddleLineIsAnError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("metrics.jsonl");
        Files.writeString(f, "{\"step\": 0, \"train_loss\": 3.5}\n{\"step\": 1, \"train_loss\": 3.4, \"val_loss\": 3.6}\n{\"step\": 2, \"tra");
        MetricsTable t = ResultsReader.readMetrics(dir);
        assertThat(t.steps()).containsExactly(0, 1);
        assertThat(t.column("val_loss")[0]).isNaN();
        assertThat(t.last("val_loss")).isEqualTo(3.6);
        Files.writeString(f, "{\"step\": 0}\n{broken\n{\"step\": 2}\n");
        assertThatThrownBy(() -> ResultsReader.readMetrics(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("metrics.jsonl");
    }

    @Test
    void badInputGetsOneClearSentence(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Plotting.plotExperiment(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an experiment directory");
        assertThatThrownBy(() -> ResultsReader.findExperiments(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a directory");

        Files.writeString(dir.resolve("experiment.json"), "{\"experiment\": ");
        assertThatThrownBy(() -> ResultsReader.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("experiment.json is not valid JSON");
        Files.writeString(dir.resolve("experiment.json"), "{\"question\": \"Q1\"}");
        assertThatThrownBy(() -> ResultsReader.read(dir)).hasMessageContaining("does not name its experiment");

        Files.writeString(dir.resolve("experiment.json"), "{\"experiment\": \"sanity\"}");
        Path trial = Files.createDirectories(dir.resolve("trials").resolve("t1"));
        Files.writeString(trial.resolve("config.json"), "{\"seed\": 0}");
        assertThatThrownBy(() -> ResultsReader.read(dir)).hasMessageContaining("config.json does not name its model");

        Files.writeString(trial.resolve("config.json"), "{\"model\": \"gpt\"}");
        Files.writeString(dir.resolve("summary.json"), "{}");
        assertThatThrownBy(() -> ResultsReader.read(dir)).hasMessageContaining("must hold a JSON list");

        Files.delete(dir.resolve("summary.json"));
        Files.writeString(dir.resolve("attention.json"), "{\"layers\": 2, \"heads\": 4, \"samples\": "
                + "[{\"tokens\": [\"BOS\", \"1\"], \"attentions\": [[[[1, 0], [0.5, 0.5]]]]}]}");
        assertThatThrownBy(() -> ResultsReader.read(dir)).hasMessageContaining("sample 0 attentions must be 2 layers x 4 heads x 2 x 2");
    }

    @Test
    void aJustStartedExperimentWithOneEvaluationAndMissingColumnsStillDraws(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("experiment.json"), "{\"experiment\": \"data-scaling\", \"question\": \"Q3\", "
                + "\"sweep\": [\"r_train\"], \"models\": [\"gpt\"]}");
        Path trial = Files.createDirectories(dir.resolve("trials").resolve("t1"));
        Files.writeString(trial.resolve("config.json"), "{\"model\": \"gpt\", \"backend\": \"djl\", \"seed\": 0, "
                + "\"setting\": {\"r_train\": 0.5}}");
        Files.writeString(trial.resolve("metrics.jsonl"), "{\"step\": 0, \"train_loss\": 3.5, \"train_accuracy\": 0.0}\n");
        Files.writeString(trial.resolve("status.json"), "{\"status\": \"RUNNING\", \"step\": 0}");
        assertThat(Plotting.plotExperiment(dir)).hasSize(2); // curves-gpt-djl .png and .svg
        assertThat(HtmlReport.write(dir)).exists();
    }

    @Test
    void aRunningExperimentWithoutSummaryOrMetricsStillReads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("experiment.json"), "{\"experiment\": \"sanity\", \"models\": [\"gpt\"]}");
        Path trial = Files.createDirectories(dir.resolve("trials").resolve("t1"));
        Files.writeString(trial.resolve("config.json"), "{\"model\": \"gpt\", \"backend\": \"djl\", \"seed\": 0}");
        Files.createDirectories(dir.resolve("trials").resolve("not-started"));
        ExperimentFolder e = ResultsReader.read(dir);
        assertThat(e.trials()).hasSize(1);
        assertThat(e.summary()).isEmpty();
        assertThat(Plotting.plotExperiment(dir)).isEmpty();
        assertThat(HtmlReport.write(dir)).exists();
        assertThat(List.of(Files.readString(dir.resolve("report.html")))).allSatisfy(h ->
                assertThat(h).contains("No summary.json yet").contains("No figures"));
    }
}
