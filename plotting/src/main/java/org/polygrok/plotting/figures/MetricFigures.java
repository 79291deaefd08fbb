package org.polygrok.plotting.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.polygrok.plotting.draw.Charts;
import org.polygrok.plotting.draw.ColorScale;
import org.polygrok.plotting.draw.Curve;
import org.polygrok.plotting.draw.PanelGrid;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryRow;

/**
 * Q3, Q5, Q6, Q7 (b): the summary metrics of one model against the swept setting, mean ± std over seeds.
 * With one sweep key: loss, accuracy, t_f(L) and t_f(A) panels, train and val. With a second dimension (Q5: L, Q6: α)
 * one panel per metric and one curve per value of that dimension, coloured with a colour bar; Q5 also
 * against the parameter count. A sweep from a spec file with several keys also gets the metrics against
 * each other key, coloured by the last ({@code metrics-vs-KEY-…}).
 */
final class MetricFigures {

    static final int WIDTH = 420;
    static final int HEIGHT = 360;
    static final List<String> EIGHT = List.of("L_train", "L_val", "A_train", "A_val",
            "t_f_L_train", "t_f_L_val", "t_f_A_train", "t_f_A_val");

    private static final float MANY_BANDS_ALPHA = 0.12f;

    private MetricFigures() {
    }

    static List<NamedDrawing> of(ExperimentRecord spec, String backend, String model, List<SummaryRow> rows) {
        if (rows.isEmpty() || spec.sweep().isEmpty()) {
            return List.of();
        }
        String xKey = spec.sweep().get(spec.sweep().size() - 1);
        List<SummaryRow> usable = rows.stream().filter(r -> r.point().has(xKey)).toList();
        if (usable.isEmpty()) {
            return List.of();
        }
        String name = "metrics-" + model + "-" + backend;
        String what = "metrics vs " + Labels.setting(xKey);
        Optional<String> colourKey = usable.stream().anyMatch(SummaryRow::hasAlpha) ? Optional.of("alpha")
                : spec.sweep().size() > 1 ? Optional.of(spec.sweep().get(0)) : Optional.empty();
        if (colourKey.isEmpty()) {
            return List.of(new NamedDrawing(name, trainVal(spec, backend, model, xKey, usable, what)));
        }
        String c = colourKey.get();
        ToDoubleFunction<SummaryRow> colour = c.equals("alpha") ? SummaryRow::alpha : r -> r.point().number(c);
        List<NamedDrawing> out = new ArrayList<>();
        out.add(new NamedDrawing(name, perMetric(spec, Labels.title(spec, model, backend, what + ", colour "
                + Labels.setting(c)), usable, colour, c, xKey)));
        if (SettingScale.fromSpecFile(spec)) {
            for (String other : spec.sweep().subList(0, spec.sweep().size() - 1)) {
                out.add(new NamedDrawing("metrics-vs-" + Labels.slug(other) + "-" + model + "-" + backend,
                        perMetric(spec, Labels.title(spec, model, backend, "metrics vs " + Labels.setting(other)
                                + ", colour " + Labels.setting(xKey)), usable, r -> r.point().number(xKey), xKey,
                                other)));
            }
        }
        if (spec.sweep().size() > 1 && usable.stream().allMatch(r -> r.numParams() > 0)
                && usable.stream().map(SummaryRow::numParams).distinct().count() > 1) {
            out.add(new NamedDrawing("metrics-params-" + model + "-" + backend, perMetric(spec,
                    Labels.title(spec, model, backend, "metrics vs parameter count, colour " + Labels.setting(c)),
                    usable, colour, c, "parameters P (non-embedding)", r -> r.numParams(), true, SettingScale.LINEAR)));
        }
        return out;
    }

    /** One sweep key: Loss, Accuracy, t_f(L), t_f(A) (and ‖θ‖₂ when logged) panels with train and val curves. */
    private static PanelGrid trainVal(ExperimentRecord spec, String backend, String model, String xKey,
                                      List<SummaryRow> rows, String what) {
        List<SummaryRow> sorted = rows.stream().sorted(Comparator.comparingDouble(r -> r.point().number(xKey))).toList();
        SettingScale xScale = scaleOf(spec, xKey, sorted);
        double[] x = sorted.stream().mapToDouble(r -> xScale.x(r.point().number(xKey))).toArray();
        List<XYChart> panels = new ArrayList<>();
        XYChart loss = Axes.overSetting("Loss L (min over steps)", xKey, xScale, "loss", true);
        add(loss, "L_train", x, sorted, "L_train", Charts.TRAIN, Charts.SOLID);
        add(loss, "L_val", x, sorted, "L_val", Charts.VAL, Charts.SOLID);
        panels.add(loss);
        XYChart acc = Axes.overSetting("Accuracy A (max over steps)", xKey, xScale, "accuracy", false);
        add(acc, "A_train", x, sorted, "A_train", Charts.TRAIN, Charts.SOLID);
        add(acc, "A_val", x, sorted, "A_val", Charts.VAL, Charts.SOLID);
        panels.add(acc);
        XYChart tfLoss = Axes.overSetting("t_f(L): first step at the minimum loss", xKey, xScale, "step", false);
        add(tfLoss, "t_f(L_train)", x, sorted, "t_f_L_train", Charts.TRAIN, Charts.SOLID);
        add(tfLoss, "t_f(L_val)", x, sorted, "t_f_L_val", Charts.VAL, Charts.SOLID);
        panels.add(tfLoss);
        XYChart tfAcc = Axes.overSetting("t_f(A): first step at the maximum accuracy", xKey, xScale, "step", false);
        add(tfAcc, "t_f(A_train)", x, sorted, "t_f_A_train", Charts.TRAIN, Charts.SOLID);
        add(tfAcc, "t_f(A_val)", x, sorted, "t_f_A_val", Charts.VAL, Charts.SOLID);
        panels.add(tfAcc);
        if (sorted.stream().anyMatch(r -> r.metric("param_norm").known())) {
            XYChart norm = Axes.overSetting("Final parameter norm", xKey, xScale, "‖θ‖₂", false);
            add(norm, "‖θ‖₂ at the end", x, sorted, "param_norm", Color.DARK_GRAY, Charts.SOLID);
            panels.add(norm);
        }
        panels.forEach(Charts::legendBelow);
        return new PanelGrid(Labels.title(spec, model, backend, what), panels, panels.size() == 4 ? 2 : 3, WIDTH,
                HEIGHT, Optional.empty());
    }

    /** One panel per metric against the swept {@code xKey}, one curve per colour value. */
    private static PanelGrid perMetric(ExperimentRecord spec, String title, List<SummaryRow> rows,
                                       ToDoubleFunction<SummaryRow> colour, String colourKey, String xKey) {
        SettingScale xScale = scaleOf(spec, xKey, rows);
        return perMetric(spec, title, rows, colour, colourKey, xKey, r -> xScale.x(r.point().number(xKey)), false,
                xScale);
    }

    private static SettingScale scaleOf(ExperimentRecord spec, String key, List<SummaryRow> rows) {
        return SettingScale.of(spec, key, rows.stream().map(r -> r.point().number(key)).toList());
    }

    /** One panel per metric, one curve per colour value, a colour bar for it. */
    private static PanelGrid perMetric(ExperimentRecord spec, String title, List<SummaryRow> rows,
                                       ToDoubleFunction<SummaryRow> colour, String colourKey, String xTitleOrKey,
                                       ToDoubleFunction<SummaryRow> x, boolean logX, SettingScale xScale) {
        Map<Double, List<SummaryRow>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(colour.applyAsDouble(r), k -> new ArrayList<>()).add(r));
        String colourLabel = Labels.setting(colourKey);
        List<Double> colours = new ArrayList<>(groups.keySet());
        ColorScale scale = ColorScale.forValues(colourLabel, colours,
                !colourKey.equals("alpha") && SettingScale.of(spec, colourKey, colours).log());
        List<XYChart> panels = new ArrayList<>();
        for (String metric : EIGHT) {
            XYChart chart = logX
                    ? Charts.lineChart(Labels.metric(metric), xTitleOrKey, yTitle(metric), true, Axes.isLoss(metric))
                    : Axes.overSetting(Labels.metric(metric), xTitleOrKey, xScale, yTitle(metric), Axes.isLoss(metric));
            chart.getStyler().setLegendVisible(false);
            for (Map.Entry<Double, List<SummaryRow>> g : groups.entrySet()) {
                List<SummaryRow> sorted = g.getValue().stream().sorted(Comparator.comparingDouble(x)).toList();
                add(chart, colourLabel + " = " + scale.tickLabel(g.getKey()), sorted.stream().mapToDouble(x).toArray(),
                        sorted, metric, scale.color(g.getKey()), Charts.SOLID, MANY_BANDS_ALPHA);
            }
            panels.add(chart);
        }
        return new PanelGrid(title, panels, 4, WIDTH, HEIGHT, Optional.of(scale));
    }

    private static void add(XYChart chart, String name, double[] x, List<SummaryRow> rows, String metric, Color color,
                            BasicStroke stroke) {
        add(chart, name, x, rows, metric, color, stroke, Charts.BAND_ALPHA);
    }

    private static void add(XYChart chart, String name, double[] x, List<SummaryRow> rows, String metric, Color color,
                            BasicStroke stroke, float bandAlpha) {
        double[] mean = rows.stream().map(r -> r.metric(metric)).mapToDouble(MeanStd::mean).toArray();
        double[] std = rows.stream().map(r -> r.metric(metric)).mapToDouble(MeanStd::stdOrZero).toArray();
        Curve curve = new Curve(x, mean, std);
        if (!curve.isEmpty()) {
            Charts.band(chart, name, curve, color, stroke, bandAlpha).ifPresent(line -> line.setMarker(SeriesMarkers.CIRCLE));
        }
    }

    private static String yTitle(String metric) {
        return metric.startsWith("t_f") ? "step" : metric.startsWith("L_") ? "loss" : "accuracy";
    }
}
