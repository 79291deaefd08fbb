package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.api.io.SafeTensors;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;

/** {@code polygrok train} end to end on DJL with a tiny GPT. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    private static final String[] TINY = {"--backend=djl", "--model=gpt", "--p=7", "--dim=16", "--layers=1",
        "--steps=20", "--eval-first=2", "--eval-period=10", "--threads=2"};

    private CliResult train(Path out, String... extra) {
        String[] args = new String[TINY.length + extra.length + 2];
        args[0] = "train";
        System.arraycopy(TINY, 0, args, 1, TINY.length);
        System.arraycopy(extra, 0, args, 1 + TINY.length, extra.length);
        args[args.length - 1] = "--out=" + out;
        return CliResult.run(args);
    }

    @Test
    void trainWritesTheTrialFolderAndContinuesOrRefusesOnRerun() throws Exception {
        Path out = tmp.resolve("trial");
        Path weights = tmp.resolve("init/w.safetensors");
        CliResult r = train(out, "--save-weights=" + weights);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trial: training, steps 1..20", "trial: step 0/20", "trial: step 20/20",
                "trial: DONE at step 20");

        @SuppressWarnings("unchecked")
        Map<String, Object> config = Json.read(out.resolve("config.json"), Map.class);
        assertThat(config).containsEntry("model", "gpt").containsEntry("backend", "djl").containsEntry("p", 7)
                .containsEntry("orders", List.of(2)).containsEntry("r_train", 0.5).containsEntry("dim", 16)
                .containsEntry("steps", 20).containsEntry("effective_steps", 20).containsEntry("threads", 2)
                .containsEntry("optimizer", "adamw").containsEntry("lr", 0.001).containsEntry("clip_norm", 1.0)
                .containsEntry("setting", Map.of()).containsKeys("engine", "polygrok_version");
        assertThat((String) config.get("engine")).isNotBlank();
        assertThat(Json.read(out.resolve("status.json"), Map.class)).isEqualTo(Map.of("status", "DONE", "step", 20));
        List<MetricsRecord> metrics = new TrialDirectory(out).readMetrics();
        assertThat(metrics).extracting(MetricsRecord::step).containsExactly(0L, 1L, 2L, 10L, 20L, 21L);
        assertThat(metrics.get(0).numParams()).isEqualTo(12L * 16 * 16 + 8 * 16 + 16 * 12 + 12);
        assertThat(Files.readString(out.resolve("metrics.jsonl")).lines().findFirst().orElseThrow())
                .startsWith("{\"step\":0,\"epoch\":0,\"train_loss\":");
        assertThat(Json.read(out.resolve("summary.json"), Map.class)).containsKeys("L_train", "t_f_A_val", "delta_t_A",
                "final_param_norm", "steps");
        assertThat(out.resolve("checkpoint/weights.safetensors")).exists();
        assertThat(out.resolve("checkpoint/optimizer.safetensors")).exists();
        assertThat(SafeTensors.read(weights)).containsKey("embedding.tokens.weight");

        CliResult again = train(out);
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("DONE at step 20").doesNotContain("step 0/20");
        assertThat(new TrialDirectory(out).readMetrics()).hasSize(6);

        CliResult other = train(out, "--lr=0.01");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err())
                .startsWith("error: the output folder " + out + " holds another trial (lr: 0.001 before, 0.01 now)");

        Path imported = tmp.resolve("imported");
        CliResult fromFile = train(imported, "--init-weights=" + weights, "--seed=42");
        assertThat(fromFile.code()).as(fromFile.err()).isZero();
        MetricsRecord a = metrics.get(0);
        MetricsRecord b = new TrialDirectory(imported).readMetrics().get(0);
        assertThat(b.trainLoss()).isEqualTo(a.trainLoss());
        assertThat(b.paramNorm()).isEqualTo(a.paramNorm());
        assertThat(Json.read(imported.resolve("config.json"), Map.class)).containsKey("init_weights_sha256");
    }

    @Test
    void initWeightsOfAnotherModelAreRejected() {
        Path weights = tmp.resolve("w.safetensors");
        assertThat(train(tmp.resolve("a"), "--save-weights=" + weights).code()).isZero();
        Path out = tmp.resolve("b");
        CliResult r = CliResult.run("train", "--backend=djl", "--model=lstm", "--p=7", "--dim=16", "--out=" + out,
                "--init-weights=" + weights);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: the --init-weights file " + weights + " does not fit the lstm: missing [");
        assertThat(out).doesNotExist();
    }
}
