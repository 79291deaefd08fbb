package org.polygrok.cli;

import java.io.PrintWriter;
import org.polygrok.experiments.train.TrainingProgress;

/** Chooses how training progress is shown: a progress bar on a terminal, plain log lines otherwise. */
final class ConsoleProgress {
    private ConsoleProgress() {
    }

    static TrainingProgress create(PrintWriter out, boolean verbose) {
        return System.console() != null ? new ProgressBarReporter() : new LogLineReporter(out, verbose);
    }
}
