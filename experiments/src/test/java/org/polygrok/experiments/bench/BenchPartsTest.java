package org.polygrok.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.Json;

/** Percentiles, /proc parsing, the baseline's line and the table, without running anything. */
class BenchPartsTest {
    @TempDir
    Path tmp;

    private static final BenchSettings GPT = new BenchSettings(ModelKind.GPT, 512, 100, 10, 2, 10, 128, 2, 31);

    @Test
    void percentilesInterpolateLikeNumpy() {
        double[] v = {5, 1, 4, 2, 3};
        assertThat(Percentiles.of(v, 50)).isEqualTo(3.0);
        assertThat(Percentiles.of(v, 10)).isEqualTo(1.4);
        assertThat(Percentiles.of(v, 90)).isEqualTo(4.6);
        assertThat(Percentiles.of(new double[] {7}, 90)).isEqualTo(7.0);
    }

    @Test
    void peakMemoryAndThreadsComeFromProcStatus() throws Exception {
        Path status = tmp.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  1536000 kB\nVmRSS:\t 1000 kB\n"
                + "Threads:\t57\n");
        assertThat(ProcessStatus.of(status)).isEqualTo(new ProcessStatus(1500.0, 57));
        Files.writeString(status, "Name:\tjava\n");
        assertThatThrownBy(() -> ProcessStatus.of(status)).hasMessageContaining("no VmHWM");
        ProcessStatus self = ProcessStatus.self();
        assertThat(self.peakRssMb()).isPositive();
        assertThat(self.threads()).isPositive();
    }

    @Test
    void theBaselineLineBecomesATorchRow() {
        String line = "{\"torch\": \"1.13.0a0\", \"threads\": 2, \"models\": {\"gpt\": {\"batch\": 480, "
                + "\"step_ms_median\": 137.6, \"step_ms_p10\": 135.3, \"step_ms_p90\": 145.1, \"eval_ms_median\": 101.0, "
                + "\"peak_rss_mb\": 455.0, \"train_loss_step0\": 3.8786}}}";
        BenchRow row = TorchBaseline.parse(line, GPT, 42);
        assertThat(row).isEqualTo(new BenchRow("torch", "PyTorch 1.13.0a0", "gpt", 480, 100, 10, 137.6, 135.3, 145.1,
                101.0, 455.0, 2, null, 3.8786, 42L, null));
        assertThatThrownBy(() -> TorchBaseline.parse(line, GPT.withModel(ModelKind.LSTM), 1))
                .hasMessageContaining("lstm result lacks step_ms_median");
        assertThatThrownBy(() -> TorchBaseline.parse("{oops", GPT, 1)).hasMessageContaining("malformed JSON");
    }

    @Test
    void baselineCommandCarriesTheSettings() {
        assertThat(TorchBaseline.command(Path.of("/usr/bin/python3"), Path.of("b.py"), GPT)).containsExactly(
                "/usr/bin/python3", "b.py", "--model", "gpt", "--steps", "100", "--warmup", "10", "--threads", "2",
                "--batch", "512", "--dim", "128", "--layers", "2", "--p", "31");
    }

    @Test
    void tableShowsRatiosToTorchOrElseToTheFirstBackend() {
        BenchRow torch = new BenchRow("torch", "PyTorch", "gpt", 480, 100, 10, 100, 90, 110, 50, 400, 2, null, null, 1L, null);
        BenchRow tf = new BenchRow("tf", "TF", "gpt", 480, 100, 10, 50, 45, 55, 25, 800, 2, 40, 3.0, 2L, null);
        BenchRow djl = new BenchRow("djl", "DJL", "lstm", 480, 100, 10, 40, 38, 42, 20, 600, 2, 30, 3.0, 3L, null);
        BenchRow nd4j = new BenchRow("nd4j", "ND4J", "lstm", 480, 100, 10, 80, 78, 82, 30, 1200, 2, 30, 3.0, 4L, 61.5);
        String table = BenchTable.format(List.of(torch, tf, djl, nd4j));
        assertThat(table.lines().filter(l -> l.startsWith("gpt   tf"))).singleElement().asString()
                .contains("50.0").contains("45.0-55.0").contains("2/40").contains("0.50").contains("2.00");
        assertThat(table.lines().filter(l -> l.startsWith("lstm  nd4j"))).singleElement().asString()
                .contains(" 2.00 ").contains("1.50").contains(" 61.5 ");
        assertThat(table).contains("ratios (x) are to the torch baseline");
    }

    @Test
    void rowsAreWrittenWithSnakeCaseKeys() {
        BenchRow tf = new BenchRow("tf", "TF", "gpt", 480, 100, 10, 50, 45, 55, 25, 800, 2, 40, 3.0, 2L, null);
        Path file = tmp.resolve("rows.json");
        BenchRunner.writeJson(file, List.of(tf));
        com.fasterxml.jackson.databind.JsonNode rows = Json.read(file, com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(rows.isArray()).isTrue();
        List<String> keys = rows.get(0).properties().stream().map(java.util.Map.Entry::getKey).toList();
        assertThat(keys).contains("backend", "model", "step_ms_median", "step_ms_p10",
                "step_ms_p90", "eval_ms_median", "peak_rss_mb", "threads", "os_threads");
        assertThat(rows.get(0).has("loss_step0")).isTrue();
    }

    @Test
    void impossibleSettingsAreRejectedWithTheOptionName() {
        assertThatThrownBy(() -> new BenchSettings(ModelKind.GPT, 512, 0, 10, 2, 10, 128, 2, 31))
                .hasMessage("--steps must be at least 1, got 0");
        assertThatThrownBy(() -> new BenchSettings(ModelKind.GPT, 512, 1, -1, 2, 10, 128, 2, 31))
                .hasMessage("--warmup must be 0 or more, got -1");
    }
}
