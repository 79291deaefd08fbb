package org.polygrok.experiments.progress;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts an experiment's sweep in optimizer steps and trials, and estimates the time left from the
 * steps trained so far in this run.
 */
final class SweepMeter {
    private final Map<String, Long> toRun;
    private final long totalSteps;
    private final long startNanos = System.nanoTime();
    private final Map<String, long[]> trials = new ConcurrentHashMap<>(); // id -> {from, latest}
    private volatile long finishedSteps;
    private volatile long finishedTrainedHere;
    private volatile int ended;
    private volatile int failed;

    SweepMeter(ExperimentStart experiment) {
        this.toRun = experiment.toRun();
        this.totalSteps = experiment.steps();
    }

    synchronized void started(String id, long from) {
        trials.put(id, new long[] {from, from});
    }

    void stepped(String id, long step) {
        long[] t = trials.get(id);
        if (t != null) {
            t[1] = step;
        }
    }

    synchronized void ended(String id, boolean ok) {
        long[] t = trials.remove(id);
        finishedSteps += toRun.getOrDefault(id, 0L);
        if (t != null) {
            finishedTrainedHere += t[1] - t[0];
        }
        ended++;
        if (!ok) {
            failed++;
        }
    }

    /** Steps counted as done: finished trials whole, running ones up to their latest step. */
    synchronized long stepsDone() {
        long s = finishedSteps;
        for (long[] t : trials.values()) {
            s += t[1];
        }
        return Math.min(s, totalSteps);
    }

    /** Steps trained in this run (checkpointed steps of continued trials excluded). */
    private synchronized long stepsTrainedHere() {
        long s = finishedTrainedHere;
        for (long[] t : trials.values()) {
            s += t[1] - t[0];
        }
        return s;
    }

    long totalSteps() {
        return totalSteps;
    }

    int ended() {
        return ended;
    }

    int failed() {
        return failed;
    }

    int totalTrials() {
        return toRun.size();
    }

    /** The time left at the pace of this run, or null before anything was trained. */
    Duration eta() {
        long trained = stepsTrainedHere();
        if (trained <= 0) {
            return null;
        }
        double nanosPerStep = (System.nanoTime() - startNanos) / (double) trained;
        return Duration.ofNanos((long) (nanosPerStep * (totalSteps - stepsDone())));
    }

    static String format(Duration d) {
        if (d == null) {
            return "?";
        }
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
