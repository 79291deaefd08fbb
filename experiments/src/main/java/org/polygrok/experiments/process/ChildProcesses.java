package org.polygrok.experiments.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a command to completion and picks the one stdout line that starts with a marker; everything else
 * the process prints is kept (its last lines) for the error message, or passed to a log when asked.
 */
public final class ChildProcesses {
    private static final int KEPT_LINES = 30;

    private ChildProcesses() {
    }

    /** The result of one run: the text after the marker, if printed, the exit code and the last output lines. */
    public record Outcome(Optional<String> payload, int exitCode, List<String> lastLines, long pid) {
        public String describe() {
            return "exit code " + exitCode + (lastLines.isEmpty() ? "" : "; last output:\n  "
                    + String.join("\n  ", lastLines));
        }
    }

    /** Runs {@code command} with this process's environment as changed by {@code environment}. */
    public static Outcome run(List<String> command, Consumer<Map<String, String>> environment, String marker,
            Consumer<String> log) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment.accept(pb.environment());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        Deque<String> last = new ArrayDeque<>();
        String payload = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(marker)) {
                    payload = line.substring(marker.length());
                    continue;
                }
                log.accept(line);
                last.addLast(line);
                if (last.size() > KEPT_LINES) {
                    last.removeFirst();
                }
            }
            return new Outcome(Optional.ofNullable(payload), process.waitFor(), List.copyOf(last), process.pid());
        } catch (IOException e) {
            process.destroy();
            throw new UncheckedIOException("cannot read the output of " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        }
    }
}
