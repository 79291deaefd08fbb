package org.polygrok.experiments.sweep.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.train.TrainingLoop;
import org.polygrok.experiments.train.TrialRunner;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * The main class of a trial process started by the sweep ({@link ProcessTrialExecutor}). It reads one
 * {@link Request} line from standard input, runs (or continues) the trial in its folder with the
 * same {@link TrialRunner} as {@code polygrok train}, and reports progress as {@link TrialEvents} on standard output.
 * It stops at once when its standard input closes, i.e. when the sweep that started it is gone, so
 * an orphaned trial never competes with a resumed sweep for its folder.
 *
 * <p>Exit codes: 0 DONE, 1 FAILED or an engine error, 2 a request that cannot run.
 */
public final class TrialChild {
    /** System property: checkpoint every this many steps instead of every 1000 (tests use small values). */
    public static final String CHECKPOINT_PERIOD_PROPERTY = "polygrok.checkpointPeriod";
    /** Exit code when the sweep process went away. */
    static final int ORPHANED = 3;

    /** What the sweep asks the process to run. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Request(String dir, int threads, TrialConfig config) {
    }

    private TrialChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        System.setOut(System.err); // only events go to standard output
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Request request;
        try {
            String line = in.readLine();
            if (line == null) {
                System.exit(ORPHANED);
                return;
            }
            request = Json.mapper().readValue(line, Request.class);
        } catch (IOException e) {
            System.err.println("error: the trial request is not readable: " + e.getMessage());
            System.exit(2);
            return;
        }
        watchParent(in);
        System.exit(run(request, TrialEvents.writer(out)));
    }

    /** Runs the request; returns the exit code. */
    static int run(Request request, ProgressListener progress) {
        TrialRunner runner = new TrialRunner(Clock.systemUTC(),
                Long.getLong(CHECKPOINT_PERIOD_PROPERTY, TrainingLoop.CHECKPOINT_PERIOD));
        BackendOptions options = new BackendOptions(request.threads(), false);
        TrialRunner.Checked checked;
        BackendProvider provider;
        try {
            provider = Backends.select(request.config().backend());
            checked = runner.check(request.config(), Path.of(request.dir()), provider, options, null);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            TrialStatus status = runner.run(checked, provider, options, null, progress);
            return status.status() == TrialStatus.State.DONE ? 0 : 1;
        } catch (RuntimeException | Error e) {
            System.err.println("error: the trial failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    /** Halts the process when standard input reaches its end (the sweep died or stopped). */
    private static void watchParent(BufferedReader in) {
        Thread t = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the sweep writes nothing more; any input is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as the end of input
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "polygrok-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
