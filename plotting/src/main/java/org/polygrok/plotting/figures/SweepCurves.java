package org.polygrok.plotting.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.polygrok.plotting.PlotOptions;
import org.polygrok.plotting.draw.Charts;
import org.polygrok.plotting.draw.ColorScale;
import org.polygrok.plotting.draw.PanelGrid;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.Setting;
import org.polygrok.plotting.results.Trial;

/**
 * Q3, Q5, Q6, Q7 (a): learning curves of one model, one curve (mean over seeds) per setting, coloured by the
 * last swept key with a colour bar; one figure per value of the other swept keys (Q5: one per L). Q7 adds
 * ‖θ‖₂ against step. A sweep from a spec file also gets the curves coloured by each other swept key
 * ({@code curves-by-KEY-…}).
 */
final class SweepCurves {

    static final int WIDTH = 460;
    static final int HEIGHT = 340;
    private static final List<String[]> PANELS = List.of(new String[] {"train", "loss"},
            new String[] {"val", "loss"}, new String[] {"train", "accuracy"}, new String[] {"val", "accuracy"});

    private SweepCurves() {
    }

    static List<NamedDrawing> of(ExperimentRecord spec, String backend, String model, List<Trial> trials,
                                 PlotOptions options) {
        List<String> sweep = spec.sweep();
        List<NamedDrawing> out = new ArrayList<>(colouredBy(spec, backend, model, trials, options,
                sweep.get(sweep.size() - 1), ""));
        if (SettingScale.fromSpecFile(spec)) {
            for (String key : sweep.subList(0, sweep.size() - 1)) {
                out.addAll(colouredBy(spec, backend, model, trials, options, key, "-by-" + Labels.slug(key)));
            }
        }
        return out;
    }

    /** The curves coloured by {@code colourKey}, one figure per value of the other swept keys. */
    private static List<NamedDrawing> colouredBy(ExperimentRecord spec, String backend, String model, List<Trial> trials,
                                                 PlotOptions options, String colourKey, String byKey) {
        List<String> sweep = spec.sweep();
        List<String> figureKeys = sweep.stream().filter(k -> !k.equals(colourKey)).toList();
        List<Trial> usable = trials.stream().filter(t -> t.point().has(colourKey)).toList();
        if (usable.isEmpty()) {
            return List.of();
        }
        List<Double> values = usable.stream().map(t -> t.point().number(colourKey)).distinct().toList();
        ColorScale scale = ColorScale.forValues(Labels.setting(colourKey), values,
                SettingScale.of(spec, colourKey, values).log());
        List<NamedDrawing> out = new ArrayList<>();
        for (Map.Entry<String, List<Trial>> figure : byFigureKeys(usable, figureKeys).entrySet()) {
            Map<Double, List<Trial>> curves = byValue(figure.getValue(), colourKey);
            String suffix = figure.getKey().isEmpty() ? "" : "-" + Labels.slug(figure.getKey().replace(" = ", ""));
            String what = "curves by " + Labels.setting(colourKey) + (figure.getKey().isEmpty() ? "" : ", " + figure.getKey());
            List<XYChart> panels = new ArrayList<>();
            for (String[] p : PANELS) {
                panels.add(panel(LearningCurves.capitalised(p[0]) + " " + p[1], p[1], p[0] + "_" + p[1],
                        curves, scale, options));
            }
            out.add(new NamedDrawing("curves" + byKey + "-" + model + "-" + backend + suffix, new PanelGrid(
                    Labels.title(spec, model, backend, what), panels, 2, WIDTH, HEIGHT, Optional.of(scale))));
            if (sweep.contains("weight_decay") && byKey.isEmpty()) {
                XYChart norm = panel("Parameter norm ‖θ‖₂", "‖θ‖₂", "param_norm", curves, scale, options);
                out.add(new NamedDrawing("norm-" + model + "-" + backend + suffix, new PanelGrid(
                        Labels.title(spec, model, backend, "‖θ‖₂ by " + Labels.setting(colourKey)), List.of(norm), 1,
                        LearningCurves.WIDTH, LearningCurves.HEIGHT, Optional.of(scale))));
            }
        }
        return out;
    }

    private static XYChart panel(String title, String yTitle, String column, Map<Double, List<Trial>> curves,
                                 ColorScale scale, PlotOptions options) {
        XYChart chart = Axes.overSteps(title, yTitle, Axes.isLoss(column), options);
        chart.getStyler().setLegendVisible(false);
        for (Map.Entry<Double, List<Trial>> c : curves.entrySet()) {
            var curve = SeedAverage.of(c.getValue(), column);
            if (!curve.isEmpty()) {
                var mean = new org.polygrok.plotting.draw.Curve(curve.x(), curve.mean(), new double[curve.size()]);
                Charts.band(chart, scale.label() + " = " + scale.tickLabel(c.getKey()), mean,
                        scale.color(c.getKey()), Charts.SOLID);
            }
        }
        return chart;
    }

    /** Trials grouped by the values of {@code keys}, e.g. "L=1" → trials; one group "" without keys. */
    static Map<String, List<Trial>> byFigureKeys(List<Trial> trials, List<String> keys) {
        Map<String, List<Trial>> out = new TreeMap<>();
        for (Trial t : trials) {
            Setting s = t.point();
            String label = keys.stream().map(k -> Labels.setting(k) + " = " + (s.has(k) ? s.values().get(k) : "?"))
                    .collect(Collectors.joining(", "));
            out.computeIfAbsent(label, k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** Trials grouped by the numeric value of {@code key}, ascending. */
    static Map<Double, List<Trial>> byValue(List<Trial> trials, String key) {
        Map<Double, List<Trial>> out = new TreeMap<>();
        trials.forEach(t -> out.computeIfAbsent(t.point().number(key), k -> new ArrayList<>()).add(t));
        return new LinkedHashMap<>(out);
    }
}
