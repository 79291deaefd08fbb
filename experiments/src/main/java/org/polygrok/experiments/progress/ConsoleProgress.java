package org.polygrok.experiments.progress;

import java.io.PrintWriter;

/** Chooses how progress is shown, for a lone trial and for sweeps alike: bars on a terminal, log lines otherwise. */
public final class ConsoleProgress {
    private ConsoleProgress() {
    }

    /** {@link ProgressBars} when this JVM has a console, else {@link LogLines} ({@code verbose}: every evaluation). */
    public static ProgressListener create(PrintWriter out, boolean verbose) {
        return System.console() != null ? new ProgressBars(out) : new LogLines(out, verbose);
    }
}
