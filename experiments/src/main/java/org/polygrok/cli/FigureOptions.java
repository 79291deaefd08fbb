package org.polygrok.cli;

import org.polygrok.plotting.PlotOptions;
import picocli.CommandLine.Option;

/** How figures are drawn, shared by {@code plot} and {@code report}. */
public final class FigureOptions {
    @Option(names = "--log-x", description = "Steps on a log axis (x = step + 1).")
    boolean logX;

    PlotOptions plotOptions() {
        return new PlotOptions(logX);
    }
}
