package org.polygrok.experiments.sweep.artefacts;

import java.nio.file.Path;
import java.util.List;
import org.polygrok.plotting.Plotting;

/** The one place where a finished experiment's figures are drawn (by the plotting module, into {@code figures/}). */
public final class SweepFigures {
    private SweepFigures() {
    }

    /** Draws the figures of {@code experimentDir}; returns a line for the user. A drawing error never fails the sweep. */
    public static String draw(Path experimentDir) {
        try {
            List<Path> files = Plotting.plotExperiment(experimentDir);
            return "figures: " + files.size() + " files in " + experimentDir.resolve(Plotting.FIGURES_DIR);
        } catch (RuntimeException e) {
            return "figures: not drawn (" + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")";
        }
    }
}
