package org.polygrok.experiments.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.polygrok.plotting.results.Json;
import org.polygrok.experiments.process.ChildEvents;
import org.polygrok.experiments.process.ChildProcesses;
import org.polygrok.experiments.process.JavaCommand;

/**
 * {@code polygrok bench --soak STEPS}: every backend in turn, each alone in its own JVM, trains {@code STEPS}
 * steps while its memory is sampled; the table says how much resident and native memory grew after warm-up.
 */
public final class SoakRunner {
    /**
     * A fixed heap, touched at start: its part of the resident set is then constant, and resident set −
     * heap is the native memory (engine buffers, JIT code, thread stacks).
     */
    static final List<String> FIXED_HEAP = List.of("-Xms" + SoakSample.HEAP_MB + "m", "-Xmx" + SoakSample.HEAP_MB + "m",
            "-XX:+AlwaysPreTouch");

    private SoakRunner() {
    }

    /**
     * @param progress receives one line per backend and per memory sample
     * @throws IllegalStateException when a backend's soak process fails, with its last output
     */
    public static List<SoakRow> run(List<String> backends, BenchSettings settings, long steps, long every,
            Consumer<String> progress, Consumer<String> childOutput) {
        List<SoakRow> rows = new ArrayList<>();
        for (String backend : backends) {
            progress.accept("soaking " + backend + " " + settings.model().label() + ": " + steps + " steps in a child JVM");
            List<String> command = new ArrayList<>(JavaCommand.forMain(SoakChild.class,
                    SoakChild.args(backend, settings, steps, every).toArray(String[]::new)));
            command.addAll(command.indexOf("-cp"), FIXED_HEAP);
            ChildProcesses.Outcome o = ChildProcesses.run(command,
                    env -> JavaCommand.engineEnvironment(env, settings.effectiveThreads()), ChildEvents.MARK, line -> {
                        if (line.startsWith(SoakChild.SAMPLE)) {
                            progress.accept("  " + backend + " " + line.substring(SoakChild.SAMPLE.length()));
                        } else {
                            childOutput.accept(line);
                        }
                    });
            if (o.exitCode() != 0 || o.payload().isEmpty()) {
                throw new IllegalStateException("the soak run of " + backend + " failed (" + o.describe() + ")");
            }
            try {
                com.fasterxml.jackson.databind.JsonNode event = Json.mapper().readTree(o.payload().get());
                if (!SoakChild.SOAKED.equals(ChildEvents.name(event))) {
                    throw new IllegalStateException("the soak run of " + backend + " sent no result: " + event);
                }
                rows.add(Json.mapper().treeToValue(event.get("row"), SoakRow.class));
            } catch (IOException e) {
                throw new IllegalStateException("the soak run of " + backend + " printed malformed JSON: "
                        + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** One line per backend: memory after warm-up and at the end, growth, and whether it is within the limit. */
    public static String table(List<SoakRow> rows) {
        StringBuilder s = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-5s %-6s %6s %8s %10s %9s %8s %9s %11s %10s %9s  %s", "model",
                "backend", "steps", "step ms", "RSS@warm", "RSS end", "RSS max", "RSS +%", "native@warm", "native end",
                "native +%", "verdict");
        s.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (SoakRow r : rows) {
            s.append(String.format(Locale.ROOT, "%-5s %-6s %6d %8.1f %10.0f %9.0f %8.0f %9.1f %11.0f %10.0f %9.1f  %s%n",
                    r.model(), r.backend(), r.steps(), r.stepMsMedian(), r.afterWarmup().rssMb(), r.last().rssMb(),
                    r.maxRssMb(), r.rssGrowthPercent(), r.afterWarmup().nativeMb(), r.last().nativeMb(),
                    r.nativeGrowthPercent(), r.withinLimit() ? "ok" : "GROWS"));
        }
        s.append(String.format(Locale.ROOT, "memory in MB; warm-up = the first tenth of the steps; growth = last sample "
                + "against the first after warm-up; limit %.0f%%; native = RSS - the Java heap (fixed at " + SoakSample.HEAP_MB + " MB and touched at start)",
                SoakRow.MAX_GROWTH_PERCENT));
        return s.toString();
    }
}
