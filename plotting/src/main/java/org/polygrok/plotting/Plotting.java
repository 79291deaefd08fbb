package org.polygrok.plotting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polygrok.plotting.draw.FigureWriter;
import org.polygrok.plotting.figures.ExperimentFigures;
import org.polygrok.plotting.figures.NamedDrawing;
import org.polygrok.plotting.results.ResultsReader;

/**
 * Draws every figure of an experiment directory (docs/RESULTS.md) as PNG and SVG under
 * {@code <experimentDir>/figures/}, headless.
 */
public final class Plotting {

    /** The subdirectory of an experiment that holds its figures. */
    public static final String FIGURES_DIR = "figures";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plotting() {
    }

    /** Draws the figures of one experiment and returns the files written (PNG, SVG pairs). */
    public static List<Path> plotExperiment(Path experimentDir) {
        return plotExperiment(experimentDir, PlotOptions.DEFAULTS);
    }

    public static List<Path> plotExperiment(Path experimentDir, PlotOptions options) {
        List<Path> written = new ArrayList<>();
        Path out = experimentDir.resolve(FIGURES_DIR);
        for (NamedDrawing d : ExperimentFigures.of(ResultsReader.read(experimentDir), options)) {
            written.addAll(FigureWriter.write(d.drawing(), out, d.name()));
        }
        return written;
    }

    /** Draws the figures of every experiment under {@code dir} (or of {@code dir} itself if it is one). */
    public static List<Path> plotAll(Path dir) {
        return plotAll(dir, PlotOptions.DEFAULTS);
    }

    public static List<Path> plotAll(Path dir, PlotOptions options) {
        List<Path> written = new ArrayList<>();
        for (Path experiment : ResultsReader.findExperiments(dir)) {
            written.addAll(plotExperiment(experiment, options));
        }
        return written;
    }
}
