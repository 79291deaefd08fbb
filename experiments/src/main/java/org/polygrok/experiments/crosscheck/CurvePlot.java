package org.polygrok.experiments.crosscheck;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.draw.Charts;
import org.polygrok.plotting.draw.FigureWriter;
import org.polygrok.plotting.draw.PanelGrid;

/**
 * Curve mode's figure: train accuracy, validation accuracy and validation loss (log y) over the steps
 * (log x, step + 1 as PROTOCOL §9), one line per backend, with each backend's t_f(A_val) — its
 * grokking step — as a dotted vertical line in its colour.
 */
final class CurvePlot {
    private static final Color[] COLORS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
        new Color(0x9467BD), new Color(0x8C564B)};
    private static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 4f}, 0f);

    private CurvePlot() {
    }

    /** Writes {@code name.png} and {@code name.svg} into {@code dir}. */
    static List<Path> write(CurveAgreement a, String model, Path dir, String name) {
        List<XYChart> panels = List.of(
                panel(a, "Train accuracy", "A_train", MetricsRecord::trainAccuracy, false, false),
                panel(a, "Validation accuracy", "A_val", MetricsRecord::valAccuracy, false, true),
                panel(a, "Validation loss", "L_val", MetricsRecord::valLoss, true, false));
        String title = model.toUpperCase(Locale.ROOT) + ": evaluation curves from the same initial weights, "
                + a.steps() + " steps" + (a.passed() ? " (agree)" : " (DIFFER)");
        return FigureWriter.write(new PanelGrid(title, panels, 3, 480, 380, Optional.empty()), dir, name);
    }

    private static XYChart panel(CurveAgreement a, String title, String yTitle, ToDoubleFunction<MetricsRecord> y,
            boolean logY, boolean grokkingMarks) {
        XYChart chart = Charts.lineChart(title, "Training steps (t + 1)", yTitle, true, logY);
        int k = 0;
        double top = logY ? 10 : 1.0;
        double bottom = logY ? 1e-4 : 0.0;
        for (Map.Entry<String, List<MetricsRecord>> e : a.curves().entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (MetricsRecord r : e.getValue()) {
                double v = y.applyAsDouble(r);
                if (Double.isFinite(v) && (!logY || v > 0)) {
                    xs.add(r.step() + 1.0);
                    ys.add(v);
                }
            }
            Color c = COLORS[k % COLORS.length];
            Charts.line(chart, e.getKey(), xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), c, Charts.SOLID);
            if (grokkingMarks) {
                long tf = a.rows().get(k).extrema().tfAVal();
                Charts.line(chart, "t_f(A_val) " + e.getKey() + " = " + tf, new double[] {tf + 1.0, tf + 1.0},
                        new double[] {bottom, top}, c, DOTTED);
            }
            k++;
        }
        Charts.legendBelow(chart);
        return chart;
    }
}
