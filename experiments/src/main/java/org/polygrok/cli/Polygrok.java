package org.polygrok.cli;

import com.google.inject.Guice;
import java.io.PrintWriter;
import org.polygrok.experiments.PolygrokVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code polygrok} command line. Every subcommand is registered here, in {@code subcommands}, and
 * nowhere else.
 */
@Command(name = "polygrok", mixinStandardHelpOptions = true, versionProvider = Polygrok.Version.class,
        description = "The grokking study of IFT6135-W2025 A2 on DJL, TensorFlow Java and ND4J.",
        subcommands = {
            BackendsCommand.class,
            DatasetCommand.class,
            TrainCommand.class,
            RunCommand.class,
            SweepCommand.class,
            ResumeCommand.class,
            PlotCommand.class,
            ReportCommand.class,
            CrosscheckCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Polygrok implements Runnable {
    /** Exit code for bad input: unknown options, invalid values, unusable files or folders. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a run that failed (e.g. a non-finite loss) or an engine error. */
    public static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing; use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Polygrok(),
                new GuiceFactory(Guice.createInjector(new PolygrokModule(), new org.polygrok.experiments.sweep.run.SweepModule())));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(new ErrorHandlers.BadParameters());
        cl.setExecutionExceptionHandler(new ErrorHandlers.FailedExecution());
        return cl;
    }

    /** The version shown by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"polygrok " + PolygrokVersion.get()};
        }
    }
}
