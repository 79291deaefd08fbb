package org.polygrok.experiments.sweep.run;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.polygrok.experiments.progress.ExperimentStart;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.sweep.artefacts.AttentionProbe;
import org.polygrok.experiments.sweep.artefacts.SweepFigures;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepPlanner;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.sweep.plan.TrialReuse;
import org.polygrok.experiments.sweep.summary.ScalingAnswers;
import org.polygrok.experiments.sweep.summary.SummaryFiles;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.AtomicFiles;
import org.polygrok.plotting.results.AttentionMaps;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Runs experiments as resumable sweeps. Every request is planned and checked first, and every
 * {@code experiment.json} written, before any trial starts; then each experiment in turn: DONE trials are
 * kept (and trials DONE in a sibling experiment are copied in), interrupted ones continue from their
 * checkpoint, FAILED ones are rerun from scratch only when asked, the rest are executed {@code parallel} at a
 * time by the {@link TrialExecutor} (each with its share of the cores), a failed trial never stops the
 * others, and at the end the summaries (or Q8's attention maps) and figures are written.
 */
public final class SweepRunner {
    private final TrialExecutor executor;

    @Inject
    public SweepRunner(TrialExecutor executor) {
        this.executor = executor;
    }

    /** What one experiment's sweep produced. */
    public record Result(SweepPlan plan, List<TrialStatus> ended, String summary) {
        /**
         * Trials this run was to finish that are not DONE now (failed here, or failed before and kept); trials
         * of other backends left for a later resume do not count.
         */
        public long failed() {
            return plan.trials().stream()
                    .filter(t -> plan.request().runsNow(t) && !t.isDone()).count();
        }
    }

    /**
     * Plans every request (nothing is written if one cannot run), then runs them in order.
     *
     * @param command the command line, recorded in experiment.json
     * @throws IllegalArgumentException with one sentence for a request that cannot run
     */
    public List<Result> run(List<SweepRequest> requests, String command, ProgressListener progress) {
        List<SweepPlan> plans = new ArrayList<>();
        for (SweepRequest r : requests) {
            plans.add(SweepPlanner.plan(r, command));
        }
        for (SweepPlan p : plans) {
            checkFolder(p);
        }
        List<SweepLock> locks = new ArrayList<>(); // before anything is written: a refused sweep writes nothing
        Thread stopper = new Thread(executor::stopAll, "polygrok-sweep-stop");
        try {
            for (SweepPlan p : plans) {
                locks.add(SweepLock.acquire(p.dir()));
            }
            for (SweepPlan p : plans) {
                if (!ExperimentRecord.exists(p.dir())) {
                    p.record().write(p.dir());
                }
            }
            Runtime.getRuntime().addShutdownHook(stopper);
            List<Result> results = new ArrayList<>();
            for (SweepPlan p : plans) {
                SweepPlan current = p.request().experiment() == Experiment.ATTENTION ? replan(p, command) : p;
                results.add(runExperiment(current, progress));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (the hook runs), or the hook was never added
            }
            for (SweepLock lock : locks) {
                lock.close();
            }
        }
    }

    /** Q8 plans again once sanity has run, to reuse its GPT trial. */
    private static SweepPlan replan(SweepPlan p, String command) {
        return SweepPlanner.plan(p.request(), command);
    }

    /** Refuses a folder that holds something else, or a sweep with other settings. */
    private static void checkFolder(SweepPlan p) {
        Path dir = p.dir();
        if (ExperimentRecord.exists(dir)) {
            List<String> differences = ExperimentRecord.requireResumable(dir).differencesFrom(p.record());
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds a sweep with other settings ("
                        + String.join("; ", differences) + "); use another --out, or 'polygrok resume " + dir + "'");
            }
        } else if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.anyMatch(e -> !e.getFileName().toString().equals(".lock"))) {
                    SweepLock.refuseIfHeld(dir); // the files of a sweep that has just started here
                    throw new IllegalArgumentException(dir + " exists and is not a polygrok experiment folder; "
                            + "choose another --out");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(dir + " cannot be read: " + e.getMessage());
            }
        }
    }

    private Result runExperiment(SweepPlan plan, ProgressListener progress) {
        { // the sweep's lock is held by run()
            AtomicFiles.removeLeftovers(plan.dir()); // temporary files of a sweep killed mid-write
            AtomicFiles.removeLeftovers(plan.dir().resolve(org.polygrok.plotting.Plotting.FIGURES_DIR));
            List<SweepTrial> toRun = new ArrayList<>();
            int done = 0;
            int failedKept = 0;
            int reused = 0;
            int leftForLater = 0;
            for (SweepTrial t : plan.trials()) {
                if (!t.isDone() && !plan.request().runsNow(t)) {
                    leftForLater++;
                    continue;
                }
                if (t.status().isEmpty() && TrialReuse.copyFromSibling(t, plan.request().out())) {
                    reused++;
                }
                TrialStatus.State state = t.status().map(TrialStatus::status).orElse(TrialStatus.State.RUNNING);
                switch (state) {
                    case DONE -> done++;
                    case FAILED -> {
                        if (plan.request().retryFailed()) {
                            deleteTree(t.dir());
                            toRun.add(t);
                        } else {
                            failedKept++;
                        }
                    }
                    case RUNNING -> toRun.add(t); // not started, or to continue from its checkpoint
                }
            }
            if (reused > 0) {
                progress.message(plan.record().experiment() + ": " + reused + " trials were already DONE in other "
                        + "experiments of " + plan.request().out() + " and were copied, not trained again");
            }
            if (leftForLater > 0) {
                progress.message(plan.record().experiment() + ": " + leftForLater + " unfinished trials of other "
                        + "backends are left for a later resume");
            }
            Map<String, Long> steps = new LinkedHashMap<>();
            toRun.forEach(t -> steps.put(t.id(), t.effectiveSteps()));
            ExperimentRecord r = plan.record();
            progress.experimentStarted(new ExperimentStart(r.experiment(), r.question(), r.scale(), plan.trials().size(),
                    steps, done, failedKept));
            List<TrialStatus> ended = executeTrials(plan, toRun, progress);
            progress.experimentEnded();
            String summary;
            if (plan.request().experiment() == Experiment.ATTENTION) {
                summary = attention(plan);
            } else {
                summary = SummaryFiles.write(plan);
            }
            progress.message(summary);
            progress.message(SweepFigures.draw(plan.dir()));
            return new Result(plan, ended, summary);
        }
    }

    private List<TrialStatus> executeTrials(SweepPlan plan, List<SweepTrial> toRun, ProgressListener progress) {
        if (toRun.isEmpty()) {
            return List.of();
        }
        int parallel = Math.min(plan.request().parallel(), toRun.size());
        // from all the experiment's trials, not those left: a resumed trial keeps the threads it started with
        int threads = ParallelTrials.threadsPerTrial(Runtime.getRuntime().availableProcessors(),
                plan.request().parallel(), plan.trials().size());
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "polygrok-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialStatus>> futures = new ArrayList<>();
            for (SweepTrial t : toRun) {
                futures.add(pool.submit(() -> execute(t, threads, progress)));
            }
            List<TrialStatus> outcomes = new ArrayList<>();
            for (Future<TrialStatus> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.stopAll();
            throw new IllegalStateException("the sweep was interrupted; run 'polygrok resume " + plan.request().out()
                    + "' to finish it");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial could not be run: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private TrialStatus execute(SweepTrial trial, int threads, ProgressListener progress) throws InterruptedException {
        TrialStatus outcome;
        try {
            outcome = executor.execute(trial, threads, progress);
        } catch (RuntimeException e) {
            outcome = TrialStatus.failed(0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        progress.trialEnded(trial.id(), outcome);
        return outcome;
    }

    /** Q8: the attention maps of each backend's GPT, when it finished. */
    private static String attention(SweepPlan plan) {
        StringBuilder out = new StringBuilder();
        int threads = Runtime.getRuntime().availableProcessors();
        boolean first = true;
        for (SweepTrial t : plan.trials()) {
            Path file = AttentionMaps.file(plan.dir(), t.config().backend(), first);
            first = false;
            if (!t.isDone()) {
                out.append("attention (").append(t.config().backend()).append("): no maps, the GPT trial ")
                        .append(t.id()).append(" did not finish\n");
                continue;
            }
            double valAccuracy = AttentionProbe.write(t, threads, file);
            out.append("attention (").append(t.config().backend()).append("): ").append(file).append(" from ")
                    .append(t.dir()).append(String.format(java.util.Locale.ROOT, " (best A_val %.3f%s)\n", valAccuracy,
                            valAccuracy >= ScalingAnswers.GENERALISED ? "" : "; this GPT did not generalise"));
        }
        return out.toString();
    }

    static void deleteTree(Path p) {
        try {
            TrialDirectory.deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + " to rerun it: " + e.getMessage(), e);
        }
    }
}
