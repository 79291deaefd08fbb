package org.polygrok.experiments.sweep;

import java.nio.file.Path;

/** The one place where a finished experiment's figures are drawn (by the plotting module, into {@code figures/}). */
final class ExperimentFigures {
    private ExperimentFigures() {
    }

    /** Draws the figures of {@code experimentDir}; returns a line for the user. */
    static String draw(Path experimentDir) {
        // the plotting module's org.polygrok.plotting.Plotting.plotExperiment(experimentDir) is called here once it
        // is on main; until then the results files are complete and `polygrok report` can draw them later
        return "figures: not drawn (the plotting module is not part of this build yet)";
    }
}
