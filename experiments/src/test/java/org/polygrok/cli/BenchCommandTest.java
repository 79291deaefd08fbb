package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.plotting.results.Json;

/**
 * {@code polygrok bench} with tiny settings: a real backend measured in its own JVM and a fake baseline
 * script, giving well-formed rows (no timing is asserted).
 */
class BenchCommandTest {
    @TempDir
    Path tmp;

    /** Records its arguments and OPENBLAS_NUM_THREADS, prints noise and a BASELINE_JSON line like the real script. */
    private Path fakeBaseline(String extra) throws Exception {
        Path script = tmp.resolve("fake_baseline.py");
        Files.writeString(script, String.join("\n",
                "import json, os, sys",
                "args = sys.argv[1:]",
                "model = args[args.index('--model') + 1]",
                "with open(os.path.join(os.path.dirname(__file__), 'args-' + model + '.txt'), 'w') as f:",
                "    f.write(' '.join(args) + ' OPENBLAS_NUM_THREADS=' + os.environ.get('OPENBLAS_NUM_THREADS', ''))",
                "print('loading torch...')",
                extra,
                "print('BASELINE_JSON ' + json.dumps({'torch': '9.9-fake', 'threads': 1, 'models': {model: {",
                "    'batch': 60, 'step_ms_median': 5.0, 'step_ms_p10': 4.0, 'step_ms_p90': 6.0,",
                "    'eval_ms_median': 3.0, 'peak_rss_mb': 100.0, 'train_loss_step0': 2.5}}}))",
                ""));
        return script;
    }

    private static String firstBackend() {
        return Backends.providers().stream().filter(BackendProvider::isAvailable).findFirst().orElseThrow().name();
    }

    @Test
    void measuresABackendInAChildJvmBesideTheBaselineAndWritesRows() throws Exception {
        Path script = fakeBaseline("");
        Path json = tmp.resolve("out/bench.json");
        String backend = firstBackend();
        CliResult r = CliResult.run("bench", "--backend", backend, "--model", "lstm", "--steps", "3", "--warmup", "1",
                "--eval-repeats", "2", "--threads", "1", "--p", "11", "--dim", "16", "--layers", "1",
                "--baseline", script.toString(), "--json", json.toString());

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("lstm  torch").contains("lstm  " + backend).contains("ratios (x) are to the torch");
        JsonNode rows = Json.read(json, JsonNode.class);
        assertThat(rows.size()).isEqualTo(2);
        JsonNode torch = rows.get(0);
        assertThat(torch.get("backend").asText()).isEqualTo("torch");
        assertThat(torch.get("step_ms_median").asDouble()).isEqualTo(5.0);
        JsonNode ours = rows.get(1);
        assertThat(ours.get("backend").asText()).isEqualTo(backend);
        assertThat(ours.get("model").asText()).isEqualTo("lstm");
        assertThat(ours.get("batch").asInt()).isEqualTo(60); // p = 11: 60 training equations, one full batch
        assertThat(ours.get("steps").asInt()).isEqualTo(3);
        for (String key : new String[] {"step_ms_median", "step_ms_p10", "step_ms_p90", "eval_ms_median", "peak_rss_mb"}) {
            assertThat(ours.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(ours.get("step_ms_p10").asDouble()).isLessThanOrEqualTo(ours.get("step_ms_median").asDouble());
        assertThat(ours.get("step_ms_median").asDouble()).isLessThanOrEqualTo(ours.get("step_ms_p90").asDouble());
        assertThat(ours.get("threads").asInt()).isEqualTo(1);
        assertThat(ours.get("pid").asLong()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(ours.get("loss_step0").asDouble()).isBetween(1.0, 5.0); // about ln 16 at p = 11
        assertThat(Files.readString(tmp.resolve("args-lstm.txt"))).isEqualTo("--model lstm --steps 3 --warmup 1 "
                + "--threads 1 --batch 512 --dim 16 --layers 1 --p 11 OPENBLAS_NUM_THREADS=1");
    }

    @Test
    void aFailingBaselineIsAFailureWithItsLastOutput() throws Exception {
        Path script = fakeBaseline("sys.exit('torch is broken')");
        CliResult r = CliResult.run("bench", "--backend", firstBackend(), "--model", "gpt", "--steps", "1",
                "--baseline", script.toString());
        assertThat(r.code()).isEqualTo(Polygrok.FAILED);
        assertThat(r.err()).contains("the PyTorch baseline").contains("exit code 1").contains("torch is broken");
    }

    @Test
    void badInputIsRejectedBeforeAnythingRuns() {
        assertThat(CliResult.run("bench", "--backend", "djl", "--backends", "all").code()).isEqualTo(Polygrok.BAD_INPUT);
        assertThat(CliResult.run("bench", "--backends", "nosuch").code()).isEqualTo(Polygrok.BAD_INPUT);
        assertThat(CliResult.run("bench", "--steps", "0").err()).contains("--steps must be at least 1");
        assertThat(CliResult.run("bench", "--model", "rnn").code()).isEqualTo(Polygrok.BAD_INPUT);
        CliResult noScript = CliResult.run("bench", "--baseline", tmp.resolve("missing.py").toString());
        assertThat(noScript.code()).isEqualTo(Polygrok.BAD_INPUT);
        assertThat(noScript.err()).contains("missing.py does not exist");
        CliResult defaultScript = CliResult.run("bench", "--python", tmp.resolve("nopython").toString(), "--baseline");
        assertThat(defaultScript.code()).isEqualTo(Polygrok.BAD_INPUT);
        assertThat(defaultScript.err()).containsAnyOf("../shared/bench/torch_baseline.py", "nopython");
        assertThat(CliResult.run("bench", "--model", "gpt", "--dim", "30").err()).contains("heads");
    }
}
