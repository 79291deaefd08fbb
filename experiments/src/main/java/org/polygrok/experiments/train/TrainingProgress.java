package org.polygrok.experiments.train;

import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/** What a running trial reports as it goes (a progress bar, log lines, or nothing). */
public interface TrainingProgress extends AutoCloseable {

    TrainingProgress SILENT = new TrainingProgress() {
    };

    /** Training runs steps {@code fromStep + 1} … {@code lastStep}. */
    default void started(TrialConfig config, long fromStep, long lastStep) {
    }

    default void stepped(long step, double loss) {
    }

    default void evaluated(MetricsRecord record) {
    }

    default void finished(TrialStatus status) {
    }

    @Override
    default void close() {
    }
}
