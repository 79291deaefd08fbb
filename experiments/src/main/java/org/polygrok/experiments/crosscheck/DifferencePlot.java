package org.polygrok.experiments.crosscheck;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.polygrok.experiments.io.AtomicFiles;

/**
 * The per-step training-loss difference of every backend to the reference, on a log y axis, with the
 * per-step tolerance as a dashed line. Differences of exactly 0 are drawn at {@value #FLOOR}.
 */
public final class DifferencePlot {
    static final double FLOOR = 1e-10;
    private static final Color[] COLORS = {new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x9467BD),
        new Color(0x8C564B)};

    private DifferencePlot() {
    }

    /** Writes the figure as a PNG file (atomically). */
    public static void writePng(Agreement a, String model, Path file) {
        XYChart chart = chart(a, model);
        try {
            AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static XYChart chart(Agreement a, String model) {
        XYChart chart = new XYChart(720, 420);
        chart.setTitle(model.toUpperCase(java.util.Locale.ROOT) + ": training-loss difference to "
                + a.reference().backend() + " per step");
        chart.setXAxisTitle("Training step");
        chart.setYAxisTitle("|loss - loss(" + a.reference().backend() + ")|  (0 drawn at 1e-10)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(4);
        int steps = a.reference().steps();
        double[] x = IntStream.rangeClosed(1, steps).asDoubleStream().toArray();
        int k = 0;
        for (BackendTrajectory other : a.runs().subList(1, a.runs().size())) {
            double[] y = a.absoluteDifferences(other);
            for (int i = 0; i < y.length; i++) {
                y[i] = Double.isFinite(y[i]) ? Math.max(y[i], FLOOR) : 1.0; // a non-finite loss is drawn at 1
            }
            XYSeries s = chart.addSeries(other.backend(), x, y);
            s.setLineColor(COLORS[k % COLORS.length]);
            s.setMarkerColor(COLORS[k % COLORS.length]);
            s.setMarker(SeriesMarkers.CIRCLE);
            k++;
        }
        double tol = a.tolerances().stepLoss();
        XYSeries t = chart.addSeries("tolerance " + tol, new double[] {1, Math.max(steps, 2)}, new double[] {tol, tol});
        t.setLineColor(Color.GRAY);
        t.setMarker(SeriesMarkers.NONE);
        t.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        return chart;
    }
}
