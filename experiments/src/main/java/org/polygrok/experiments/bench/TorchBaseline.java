package org.polygrok.experiments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.polygrok.experiments.process.ChildProcesses;
import org.polygrok.plotting.results.Json;

/**
 * The PyTorch baseline script ({@code torch_baseline.py}, /work/shared/bench/README.md) run for one model
 * with the benchmark's settings, and its {@value #MARKER}line read as a {@link BenchRow} of backend
 * {@code torch}.
 */
public final class TorchBaseline {
    public static final String MARKER = "BASELINE_JSON ";
    /** Where the script lives, relative to the working directory, when {@code --baseline} has no value. */
    public static final String DEFAULT_SCRIPT = "../shared/bench/torch_baseline.py";
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    private TorchBaseline() {
    }

    /** @throws IllegalArgumentException when the script or the interpreter is missing */
    public static void check(Path python, Path script) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("the baseline script " + script + " does not exist (working directory: "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isExecutable(python)) {
            throw new IllegalArgumentException("the Python interpreter " + python + " is missing or not executable");
        }
    }

    static List<String> command(Path python, Path script, BenchSettings s) {
        return List.of(python.toString(), script.toString(), "--model", s.model().label(), "--steps", "" + s.steps(),
                "--warmup", "" + s.warmup(), "--threads", "" + s.effectiveThreads(), "--batch", "" + s.batch(),
                "--dim", "" + s.dim(), "--layers", "" + s.layers(), "--p", "" + s.p());
    }

    /**
     * Runs the script and returns its row for {@code s.model()}. Its BLAS (Debian's torch calls the system
     * libblas.so.3: OpenBLAS once {@code libopenblas0-pthread} is installed) gets the same thread count as
     * torch, so the baseline uses the cores the backends use.
     */
    public static BenchRow run(Path python, Path script, BenchSettings s, Consumer<String> log) {
        String threads = Integer.toString(s.effectiveThreads());
        ChildProcesses.Outcome o = ChildProcesses.run(command(python, script, s),
                env -> env.put("OPENBLAS_NUM_THREADS", threads), MARKER, log);
        if (o.exitCode() != 0 || o.payload().isEmpty()) {
            throw new IllegalStateException("the PyTorch baseline " + script + " failed ("
                    + (o.payload().isEmpty() ? "no " + MARKER.strip() + " line, " : "") + o.describe() + ")");
        }
        return parse(o.payload().get(), s, o.pid());
    }

    /** The row of {@code s.model()} in a {@value #MARKER}payload. */
    static BenchRow parse(String payload, BenchSettings s, long pid) {
        JsonNode report;
        try {
            report = Json.mapper().readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("the PyTorch baseline printed malformed JSON: " + e.getMessage(), e);
        }
        JsonNode m = report.path("models").path(s.model().label());
        List<String> missing = new ArrayList<>();
        for (String key : List.of("step_ms_median", "step_ms_p10", "step_ms_p90", "eval_ms_median", "peak_rss_mb")) {
            if (!m.path(key).isNumber()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the PyTorch baseline's " + s.model().label() + " result lacks "
                    + String.join(", ", missing));
        }
        String version = report.path("torch").asText("?");
        JsonNode threads = report.path("threads");
        JsonNode loss = m.path("train_loss_step0");
        return new BenchRow("torch", "PyTorch " + version, s.model().label(), m.path("batch").asInt(s.batch()),
                s.steps(), s.warmup(), m.get("step_ms_median").asDouble(), m.get("step_ms_p10").asDouble(),
                m.get("step_ms_p90").asDouble(), m.get("eval_ms_median").asDouble(), m.get("peak_rss_mb").asDouble(),
                threads.isInt() ? threads.asInt() : null, null, loss.isNumber() ? loss.asDouble() : null, pid, null);
    }
}
