package org.polygrok.experiments.cost;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.sweep.plan.TrialId;
import org.polygrok.experiments.sweep.run.ParallelTrials;
import org.polygrok.experiments.train.EvaluationSchedule;
import org.polygrok.plotting.results.TrialConfig;

/**
 * The expected wall time of sweeps on this machine: every distinct {@link TrialShape} probed once
 * ({@link CostProbe}), each trial's time from its steps and evaluations, and the trials of an
 * experiment dealt in order onto {@code --parallel} slots (a slot takes the next trial when its last
 * one ends), experiments one after another. Trials already trained by an earlier experiment of the
 * same plan are not counted again. The probe runs one trial at a time, so with several trials at once
 * (each on cores/N threads) the estimate leaves out their contention for memory bandwidth.
 */
public final class StudyEstimate {
    /** The estimate of one experiment. */
    public record Line(String experiment, int trials, int parallel, int threads, double hours) {
    }

    private final BiFunction<TrialConfig, Integer, ShapeCost> probe;
    private final double processStartMs;
    private final int cores;
    private final Map<TrialShape, ShapeCost> costs = new LinkedHashMap<>();

    /**
     * @param probe measures a trial shape with the given engine threads
     * @param processStartMs the start of a trial's own JVM, added to every trial
     */
    public StudyEstimate(BiFunction<TrialConfig, Integer, ShapeCost> probe, double processStartMs, int cores) {
        this.probe = probe;
        this.processStartMs = processStartMs;
        this.cores = cores;
    }

    /** Probes what the plans need (reporting each probe to {@code progress}) and estimates every experiment. */
    public List<Line> estimate(List<SweepPlan> plans, Consumer<String> progress) {
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SweepPlan plan : plans) {
            int parallel = plan.request().parallel();
            List<SweepTrial> toRun = plan.trials().stream().filter(t -> seen.add(TrialId.hash(t.config()))).toList();
            int threads = ParallelTrials.threadsPerTrial(cores, parallel, plan.trials().size()); // as SweepRunner
            List<Double> trialMs = new ArrayList<>();
            for (SweepTrial t : toRun) {
                TrialShape shape = TrialShape.of(t.config(), threads);
                ShapeCost cost = costs.computeIfAbsent(shape, s -> {
                    progress.accept(String.format(Locale.ROOT, "probing %s %s, batch %d, %d + %d samples, %d thread(s)",
                            s.backend(), s.model(), s.batch(), s.trainSize(), s.valSize(), s.threads()));
                    return probe.apply(t.config(), threads);
                });
                TrialConfig c = t.config();
                int evaluations = new EvaluationSchedule(t.effectiveSteps(), c.evalFirst(), c.evalPeriod()).steps().size();
                trialMs.add(cost.trialMs(t.effectiveSteps(), evaluations, processStartMs));
            }
            lines.add(new Line(plan.record().experiment(), trialMs.size(), parallel, threads,
                    makespanMs(trialMs, parallel) / 3.6e6));
        }
        return lines;
    }

    /** The measured cost of every shape probed so far. */
    public Map<TrialShape, ShapeCost> costs() {
        return Map.copyOf(costs);
    }

    /** Trials in order on {@code slots} slots, each taking the next trial when free: the time the last one ends. */
    static double makespanMs(List<Double> trialMs, int slots) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < slots; i++) {
            free.add(0.0);
        }
        double end = 0;
        for (double ms : trialMs) {
            double finish = free.poll() + ms;
            end = Math.max(end, finish);
            free.add(finish);
        }
        return end;
    }

    /** The lines as text: per experiment, then the total. */
    public static String format(List<Line> lines) {
        StringBuilder out = new StringBuilder("expected wall time on this machine (from a measured probe):\n");
        double total = 0;
        for (Line l : lines) {
            out.append(String.format(Locale.ROOT, "  %-16s %4d trials, --parallel %d (%d thread%s each): %s%n",
                    l.experiment(), l.trials(), l.parallel(), l.threads(), l.threads() == 1 ? "" : "s",
                    duration(l.hours())));
            total += l.hours();
        }
        out.append(String.format(Locale.ROOT, "  %-16s %s%n", "in all", duration(total)));
        return out.toString();
    }

    static String duration(double hours) {
        long seconds = Math.round(hours * 3600);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = Math.round(hours * 60);
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h (%d h %02d min)", hours,
                minutes / 60, minutes % 60);
    }
}
