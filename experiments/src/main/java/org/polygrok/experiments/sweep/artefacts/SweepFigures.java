package org.polygrok.experiments.sweep.artefacts;

import java.nio.file.Path;
import java.util.List;
import org.polygrok.plotting.Plotting;

/** The one place where a finished experiment's figures are drawn (by the plotting module, into {@code figures/}). */
public final class SweepFigures {
    private SweepFigures() {
    }

    /**
     * Draws the figures of {@code experimentDir}; returns a line for the user.
     *
     * @throws IllegalStateException naming the figure file that could not be drawn
     */
    public static String draw(Path experimentDir) {
        List<Path> files = Plotting.plotExperiment(experimentDir);
        return "figures: " + files.size() + " files in " + experimentDir.resolve(Plotting.FIGURES_DIR);
    }
}
