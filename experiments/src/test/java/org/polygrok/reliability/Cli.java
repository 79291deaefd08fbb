package org.polygrok.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polygrok.cli.Polygrok;
import org.polygrok.experiments.process.JavaCommand;
import org.polygrok.experiments.sweep.run.TrialChild;

/** {@code polygrok} invocations for the fault tests: in this JVM, or as a child JVM in its own process group. */
final class Cli {
    /** Tiny DJL sweeps: p = 7, one layer of width 16, evaluations at steps 0, 1, 2 and every 10. */
    static final List<String> TINY = List.of("--backend=djl", "--set=p=7", "--set=dim=16", "--set=layers=1",
            "--set=eval_first=2", "--set=eval_period=10");

    private Cli() {
    }

    /** The exit code and output of one invocation. */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Polygrok.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code run EXPERIMENT} with the tiny settings, {@code steps} steps, into {@code out} (none when null), and extra options. */
    static String[] sweep(String experiment, Path out, int steps, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", experiment));
        args.addAll(TINY);
        args.add("--set=steps=" + steps);
        if (out != null) {
            args.add("--out=" + out);
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /**
     * Starts {@code polygrok ARGS} in a child JVM that checkpoints every {@code checkpointPeriod} steps, as the
     * leader of its own process group (so that a SIGKILL of the group takes the whole tree, as a dying machine
     * would), with its output in {@code log}.
     */
    static Process start(Path log, int checkpointPeriod, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(JavaCommand.forMain(Polygrok.class, args));
        cmd.add(1, "-D" + TrialChild.CHECKPOINT_PERIOD_PROPERTY + "=" + checkpointPeriod);
        if (ProcessGroups.available()) {
            cmd.add(0, "setsid");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        JavaCommand.engineEnvironment(pb.environment(), 2);
        return pb.start();
    }
}
