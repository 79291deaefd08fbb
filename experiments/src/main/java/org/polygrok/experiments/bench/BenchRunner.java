package org.polygrok.experiments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.polygrok.experiments.process.ChildEvents;
import org.polygrok.experiments.process.ChildProcesses;
import org.polygrok.experiments.process.JavaCommand;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.Json;

/**
 * A benchmark run: for every model, the PyTorch baseline (when asked) and then every backend, each
 * measured in its own child process so that peak memory and engine thread pools are its own.
 */
public final class BenchRunner {
    /** What to measure; {@code baselineScript} null = no baseline. */
    public record Request(List<String> backends, List<ModelKind> models, BenchSettings settings, Path baselineScript,
            Path python) {
        public Request {
            backends = List.copyOf(backends);
            models = List.copyOf(models);
        }
    }

    private BenchRunner() {
    }

    /**
     * Measures everything in {@code request}, in order.
     *
     * @param progress receives one line before each measurement
     * @param childOutput receives every other line the child processes print
     * @throws IllegalStateException when a measurement fails, with the child's last output
     */
    public static List<BenchRow> run(Request request, Consumer<String> progress, Consumer<String> childOutput) {
        List<BenchRow> rows = new ArrayList<>();
        for (ModelKind model : request.models()) {
            BenchSettings s = request.settings().withModel(model);
            if (request.baselineScript() != null) {
                progress.accept("measuring torch " + model.label() + " (" + request.baselineScript() + ")");
                rows.add(TorchBaseline.run(request.python(), request.baselineScript(), s, childOutput));
            }
            for (String backend : request.backends()) {
                progress.accept("measuring " + backend + " " + model.label() + " in a child JVM");
                rows.add(measureInChild(backend, s, childOutput));
            }
        }
        return rows;
    }

    static BenchRow measureInChild(String backend, BenchSettings s, Consumer<String> childOutput) {
        List<String> args = new ArrayList<>(List.of("--backend", backend));
        args.addAll(s.toArgs());
        List<String> command = JavaCommand.forMain(BenchChild.class, args.toArray(String[]::new));
        ChildProcesses.Outcome o = ChildProcesses.run(command,
                env -> JavaCommand.engineEnvironment(env, s.effectiveThreads()), ChildEvents.MARK, childOutput);
        if (o.exitCode() != 0 || o.payload().isEmpty()) {
            throw new IllegalStateException("the benchmark of " + backend + " " + s.model().label() + " failed ("
                    + o.describe() + ")");
        }
        try {
            JsonNode event = Json.mapper().readTree(o.payload().get());
            if (!BenchChild.MEASURED.equals(ChildEvents.name(event))) {
                throw new IllegalStateException("the benchmark of " + backend + " sent no measurement: " + event);
            }
            return Json.mapper().treeToValue(event.get("row"), BenchRow.class);
        } catch (IOException e) {
            throw new IllegalStateException("the benchmark of " + backend + " printed malformed JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Writes the rows as a JSON list (atomically). */
    public static void writeJson(Path file, List<BenchRow> rows) {
        Json.write(file, rows);
    }
}
