package org.polygrok.plotting.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.polygrok.plotting.PlotOptions;
import org.polygrok.plotting.draw.Charts;
import org.polygrok.plotting.draw.PanelGrid;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.Trial;

/**
 * Q1 (and Q4 overall) learning curves of one model: loss and accuracy against step, train and val, mean ±
 * std over seeds; Q4 also per order (binary and ternary samples).
 */
final class LearningCurves {

    static final int WIDTH = 640;
    static final int HEIGHT = 440;
    static final int ORDER_WIDTH = 500;
    static final Color BINARY = new Color(0xFF7F0E);
    static final Color TERNARY = new Color(0x2CA02C);

    private LearningCurves() {
    }

    /** Loss and accuracy figures, named loss-MODEL-BACKEND and accuracy-MODEL-BACKEND. */
    static List<NamedDrawing> overall(ExperimentRecord spec, String backend, String model, List<Trial> trials,
                                      PlotOptions options) {
        List<NamedDrawing> out = new ArrayList<>();
        for (String quantity : List.of("loss", "accuracy")) {
            XYChart chart = Axes.overSteps(capitalised(quantity) + seedNote(trials), quantity,
                    quantity.equals("loss"), options);
            Charts.band(chart, "train", SeedAverage.of(trials, "train_" + quantity), Charts.TRAIN, Charts.SOLID);
            Charts.band(chart, "val", SeedAverage.of(trials, "val_" + quantity), Charts.VAL, Charts.SOLID);
            legendFor(chart, quantity);
            out.add(new NamedDrawing(quantity + "-" + model + "-" + backend, new PanelGrid(
                    Labels.title(spec, model, backend, quantity), List.of(chart), 1, WIDTH, HEIGHT, Optional.empty())));
        }
        return out;
    }

    /** Q4: loss and accuracy on binary and ternary samples, a train panel and a val panel per figure. */
    static List<NamedDrawing> byOrder(ExperimentRecord spec, String backend, String model, List<Trial> trials,
                                      PlotOptions options) {
        List<NamedDrawing> out = new ArrayList<>();
        for (String quantity : List.of("loss", "accuracy")) {
            List<XYChart> panels = new ArrayList<>();
            for (String split : List.of("train", "val")) {
                XYChart chart = Axes.overSteps(capitalised(split) + " " + quantity + " by order" + seedNote(trials),
                        quantity, quantity.equals("loss"), options);
                Charts.band(chart, "binary (a + b)", SeedAverage.of(trials, split + "_binary_" + quantity),
                        BINARY, Charts.SOLID);
                Charts.band(chart, "ternary (a + b + c)", SeedAverage.of(trials, split + "_ternary_" + quantity),
                        TERNARY, Charts.SOLID);
                legendFor(chart, quantity);
                panels.add(chart);
            }
            out.add(new NamedDrawing(quantity + "-by-order-" + model + "-" + backend, new PanelGrid(
                    Labels.title(spec, model, backend, quantity + " by operation order"), panels, 2,
                    ORDER_WIDTH, HEIGHT, Optional.empty())));
        }
        return out;
    }

    /** Losses fall and accuracies rise: keep the legend where the curves are not. */
    private static void legendFor(XYChart chart, String quantity) {
        chart.getStyler().setLegendPosition(quantity.equals("loss")
                ? org.knowm.xchart.style.Styler.LegendPosition.InsideNE
                : org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    }

    static String seedNote(List<Trial> trials) {
        List<Long> seeds = trials.stream().map(t -> t.config().seed()).distinct().sorted().toList();
        if (seeds.size() < 2) {
            return seeds.isEmpty() ? "" : " (seed " + seeds.get(0) + ")";
        }
        return " (mean ± std over seeds " + seeds.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
