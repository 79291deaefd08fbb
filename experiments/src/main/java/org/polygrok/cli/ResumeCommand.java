package org.polygrok.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.polygrok.api.Backends;
import org.polygrok.api.UnknownBackendException;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.spec.SpecReader;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.ExperimentRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polygrok resume DIR}: finishes the sweeps recorded in DIR (an experiment folder, or a --out folder). */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Finish interrupted sweeps as their experiment.json records them: DONE trials are kept, "
                + "interrupted ones continue from their last checkpoint, FAILED ones rerun only with --retry-failed.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "An experiment folder, or the --out folder of 'polygrok run'.")
    Path dir;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Train only this backend's unfinished trials now (default: every backend the sweep runs on); "
                    + "the summaries still cover all of them.")
    String backend;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials running at once (default: as recorded).")
    Integer parallel;

    /** Where the trials run: this machine, or Spark. */
    @Mixin
    ExecutorOptions executor;

    @Option(names = "--retry-failed", description = "Rerun, from scratch, trials that FAILED.")
    boolean retryFailed;

    @Option(names = "--verbose", description = "Log every evaluation of every trial (when not on a terminal).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final SweepConsole console;

    @Inject
    ResumeCommand(SweepConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<SweepRequest> requests = new ArrayList<>();
        for (Path experimentDir : experimentDirs()) {
            ExperimentRecord r = ExperimentRecord.requireResumable(experimentDir);
            Experiment e = r.spec() != null ? Experiment.of(SpecReader.fromRecord(r.spec(), experimentDir.toString()))
                    : Experiment.resolve(r.experiment()).get(0);
            try {
                r.backends().forEach(Backends::select);
            } catch (UnknownBackendException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), experimentDir + " needs " + ex.getMessage());
            }
            Path out = experimentDir.toAbsolutePath().normalize().getParent();
            requests.add(new SweepRequest(e, Scale.fromLabel(r.scale()), r.backends(),
                    r.models().stream().map(ModelKind::fromLabel).toList(), r.seeds(), r.invocation().set(),
                    parallel != null ? parallel : r.invocation().parallel(), retryFailed, out, onlyBackend(r, experimentDir)));
        }
        return console.run(spec.commandLine(), requests, verbose, executor, parallel != null);
    }

    /** The --backend name, checked against the backends the sweep was recorded with (bad input: exit 2). */
    private String onlyBackend(ExperimentRecord r, Path experimentDir) {
        if (backend != null && !r.backends().contains(backend)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the sweep in " + experimentDir + " runs on "
                    + String.join(", ", r.backends()) + ", not on " + backend);
        }
        return backend;
    }

    /** DIR itself if it is an experiment folder, else its experiment subfolders in the order 'all' runs them. */
    private List<Path> experimentDirs() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
        if (ExperimentRecord.exists(dir)) {
            return List.of(dir);
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> found = children.filter(ExperimentRecord::exists)
                    .sorted(Comparator.comparingInt(ResumeCommand::order)).toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds no polygrok sweep (no " + ExperimentRecord.FILE
                        + " in it or in its subfolders)");
            }
            return found;
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + " cannot be read: " + e.getMessage());
        }
    }

    private static int order(Path experimentDir) {
        String name = experimentDir.getFileName().toString();
        return Experiment.names().contains(name) && !Experiment.ALL.equals(name)
                ? Experiment.resolve(name).get(0).order() : Integer.MAX_VALUE;
    }
}
