package org.polygrok.experiments.progress;

import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * What running trials report as they go: to progress bars, log lines, a trial process's event stream, or
 * nothing. A sweep reports {@link #experimentStarted}, its trials' events, then {@link #experimentEnded}, for
 * each experiment it runs; a lone trial ({@code polygrok train}) reports its trial events only. Trial events
 * name their trial by its folder's name, which in a sweep is the trial's id. Trials of a sweep report from
 * several threads at once.
 */
public interface ProgressListener extends AutoCloseable {

    ProgressListener SILENT = new ProgressListener() {
    };

    /** An experiment's sweep starts: which trials it runs now and how many it keeps as they are. */
    default void experimentStarted(ExperimentStart experiment) {
    }

    /** Trial {@code trial} trains steps {@code fromStep + 1} … {@code lastStep} (0 = from scratch). */
    default void trialStarted(String trial, TrialConfig config, long fromStep, long lastStep) {
    }

    /** The trial took an optimizer step (a trial process reports them at most a few times a second). */
    default void stepped(String trial, long step, double loss) {
    }

    /** The trial logged an evaluation (a line of its metrics.jsonl). */
    default void evaluated(String trial, MetricsRecord record) {
    }

    /**
     * The trial's run ended: DONE, FAILED, or RUNNING when it was stopped before its end (resumable). Also
     * reported, without a start, for a trial that was DONE before it was asked to run.
     */
    default void trialEnded(String trial, TrialStatus status) {
    }

    /** The experiment's trials have all ended (or been kept as they were). */
    default void experimentEnded() {
    }

    /** A line for the user (where the summary is, a warning). */
    default void message(String text) {
    }

    @Override
    default void close() {
    }
}
