package org.polygrok.plotting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic, grokking-shaped training run: train accuracy rises around step {@code tm} (memorisation),
 * val accuracy around {@code tg} (generalisation), losses fall accordingly, ‖θ‖₂ shrinks with weight decay.
 */
final class Shape {

    private double tm;
    private double tg;
    private double reach = 1.0;
    private double decay = 1.0;
    private boolean orders;
    private final double jitter;

    Shape(String model, long seed) {
        jitter = seed == 0 ? 0.88 : 1.12;
        tm = (model.equals("gpt") ? 60 : 250) * jitter;
        tg = (model.equals("gpt") ? 900 : 1100) * jitter;
    }

    Shape memorise(double factor) {
        tm *= factor;
        return this;
    }

    Shape generalise(double factor) {
        tg *= factor;
        return this;
    }

    Shape reach(double maxValAccuracy) {
        reach = maxValAccuracy;
        return this;
    }

    Shape decay(double weightDecay) {
        decay = weightDecay;
        return this;
    }

    Shape withOrders() {
        orders = true;
        return this;
    }

    /** Evaluations at 0..100, every 100 steps to T, and T + 1 (PROTOCOL §6, shortened). */
    List<Map<String, Object>> rows(long numParams) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int t = 0; t <= SyntheticResults.T + 1; t++) {
            if (t > 100 && t % 100 != 0 && t != SyntheticResults.T + 1) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", t);
            row.put("epoch", t);
            if (orders) {
                double[] bin = split(t, 0.8 * tm, 0.6 * tg);
                double[] ter = split(t, 1.1 * tm, 1.2 * tg);
                String[] names = {"train_loss", "train_accuracy", "val_loss", "val_accuracy"};
                for (int i = 0; i < 4; i++) {
                    row.put(names[i], (60 * bin[i] + 666 * ter[i]) / 726);
                    row.put(names[i].replace("_", "_binary_"), bin[i]);
                    row.put(names[i].replace("_", "_ternary_"), ter[i]);
                }
            } else {
                double[] all = split(t, tm, tg);
                row.put("train_loss", all[0]);
                row.put("train_accuracy", all[1]);
                row.put("val_loss", all[2]);
                row.put("val_accuracy", all[3]);
            }
            row.put("param_norm", 76.22 * (1 - 0.35 * decay * (1 - Math.exp(-t / 700.0))));
            row.put("num_params", numParams);
            row.put("elapsed_s", 0.05 * t);
            out.add(row);
        }
        return out;
    }

    /** {train loss, train accuracy, val loss, val accuracy} at step t. */
    private double[] split(int t, double memorise, double generalise) {
        double ta = quantise(rise(t, memorise));
        double va = quantise(reach * rise(t, generalise));
        double floor = 1e-4 * jitter * (1 + Math.exp(-t / 800.0));
        double trainLoss = 3.55 * Math.pow(1 - rise(t, memorise), 1.3) + floor;
        double valLoss = 3.55 * (1 - reach * rise(t, generalise)) + 1.2 * rise(t, memorise) * (1 - rise(t, generalise))
                + 4 * floor;
        return new double[] {trainLoss, ta, valLoss, va};
    }

    private static double rise(int t, double tau) {
        return 1 / (1 + Math.exp(-4 * (Math.log(t + 1) - Math.log(tau))));
    }

    /** Accuracies are fractions of a finite set: they reach exactly 1. */
    private static double quantise(double a) {
        return Math.round(a * 480) / 480.0;
    }
}
