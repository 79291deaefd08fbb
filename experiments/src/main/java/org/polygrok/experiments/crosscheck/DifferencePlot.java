package org.polygrok.experiments.crosscheck;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.polygrok.plotting.draw.Charts;
import org.polygrok.plotting.draw.FigureWriter;
import org.polygrok.plotting.draw.PanelGrid;

/**
 * The per-step training-loss difference of every backend to the reference, on a log y axis, with the
 * per-step tolerance as a dashed line (plotting's house style), each backend's agreement horizon as a
 * dotted vertical line and the loss spikes that ended it as diamonds. Differences of exactly 0 are drawn at
 * {@value #FLOOR}, non-finite ones at 1.
 */
public final class DifferencePlot {
    static final double FLOOR = 1e-10;
    private static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 4f}, 0f);
    private static final Color[] COLORS = {new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x9467BD),
        new Color(0x8C564B)};

    private DifferencePlot() {
    }

    /** Writes {@code name.png} and {@code name.svg} into {@code dir}; returns their paths, PNG first. */
    public static List<Path> write(Agreement a, String model, Path dir, String name) {
        String title = model.toUpperCase(Locale.ROOT) + ": training-loss difference to " + a.reference().backend()
                + " per step";
        return FigureWriter.write(new PanelGrid(title, List.of(chart(a)), 1, 720, 420, Optional.empty()), dir, name);
    }

    static XYChart chart(Agreement a) {
        String ref = a.reference().backend();
        XYChart chart = Charts.lineChart("", "Training step", "|loss - loss(" + ref + ")|  (0 drawn at 1e-10)",
                false, true);
        chart.getStyler().setXAxisDecimalPattern("#");
        int steps = a.reference().steps();
        double[] x = IntStream.rangeClosed(1, steps).asDoubleStream().toArray();
        int k = 0;
        for (BackendTrajectory other : a.runs().subList(1, a.runs().size())) {
            double[] y = a.absoluteDifferences(other);
            for (int i = 0; i < y.length; i++) {
                y[i] = Double.isFinite(y[i]) ? Math.max(y[i], FLOOR) : 1.0;
            }
            XYSeries s = Charts.line(chart, other.backend(), x, y, COLORS[k % COLORS.length], Charts.SOLID);
            s.setMarker(SeriesMarkers.CIRCLE);
            k++;
        }
        marks(chart, a, x.length);
        double tol = a.tolerances().stepLoss();
        Charts.line(chart, "tolerance " + tol, new double[] {1, Math.max(steps, 2)}, new double[] {tol, tol}, Color.GRAY,
                Charts.DASHED);
        Charts.legendBelow(chart);
        return chart;
    }

    /**
     * Each backend's agreement horizon as a dotted vertical line in its colour, and the loss spikes that
     * ended it as large diamonds on the difference curve.
     */
    private static void marks(XYChart chart, Agreement a, int steps) {
        double top = 1.0;
        for (double v : a.maxAbsolutePerStep()) {
            top = Double.isFinite(v) ? Math.max(top, v) : top;
        }
        int k = 0;
        for (BackendTrajectory other : a.runs().subList(1, a.runs().size())) {
            Horizon h = a.horizons().get(k);
            Color color = COLORS[k % COLORS.length];
            k++;
            if (h.cause() == Horizon.Cause.NONE || h.lastAgreeing() >= steps) {
                continue;
            }
            double at = Math.max(h.lastAgreeing(), 1);
            Charts.line(chart, "horizon " + other.backend() + " (step " + h.lastAgreeing() + ")", new double[] {at, at},
                    new double[] {FLOOR, top}, color, DOTTED).setMarker(SeriesMarkers.NONE);
            double[] diff = a.absoluteDifferences(other);
            for (Map.Entry<String, Integer> spike : h.spikes().entrySet()) {
                int step = spike.getValue();
                double y = Double.isFinite(diff[step - 1]) ? Math.max(diff[step - 1], FLOOR) : 1.0;
                XYSeries s = Charts.line(chart, other.backend() + ": spike on " + spike.getKey() + " (step " + step + ")",
                        new double[] {step}, new double[] {y}, color, Charts.SOLID);
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setMarkerColor(Color.BLACK);
            }
        }
    }
}
