package org.polygrok.experiments.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialStatus;

/**
 * The driver's view of one trial running on the cluster, read from its folder: it starts when Spark starts
 * its task, and each new line of {@code metrics.jsonl} is an evaluation (and the step reached, with its
 * training loss). How the trial ended the sweep reports itself, as for a trial in a local process.
 */
final class TrialWatch {
    private final SweepTrial trial;
    private final ProgressListener progress;
    private boolean started;
    private int linesSeen;

    TrialWatch(SweepTrial trial, ProgressListener progress) {
        this.trial = trial;
        this.progress = progress;
    }

    SweepTrial trial() {
        return trial;
    }

    /** Spark started the trial's task (the first attempt shows the trial as running; later ones continue it). */
    synchronized void taskStarted() {
        if (started) {
            return;
        }
        started = true;
        long from = trial.directory().holdsTrial()
                ? trial.directory().readStatus().map(TrialStatus::step).orElse(0L) : 0L;
        linesSeen = lines().size();
        progress.trialStarted(trial.id(), trial.config(), from, trial.effectiveSteps());
    }

    /** Reports the evaluations written since the last poll. */
    synchronized void poll() {
        if (!started) {
            return;
        }
        List<String> lines = lines();
        if (lines.size() < linesSeen) {
            linesSeen = lines.size(); // a continued trial dropped evaluations past its checkpoint
        }
        for (int i = linesSeen; i < lines.size(); i++) {
            MetricsRecord record;
            try {
                record = Json.mapper().readValue(lines.get(i), MetricsRecord.class);
            } catch (IOException e) {
                return; // a line being written: read it next time
            }
            linesSeen = i + 1;
            progress.stepped(trial.id(), record.step(), record.trainLoss());
            progress.evaluated(trial.id(), record);
        }
    }

    /** The trial's task ended: reports the evaluations it wrote since the last poll. */
    synchronized void finished() {
        poll();
    }

    private List<String> lines() {
        Path metrics = trial.dir().resolve(TrialDirectory.METRICS);
        try {
            return Files.isRegularFile(metrics) ? Files.readAllLines(metrics, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
