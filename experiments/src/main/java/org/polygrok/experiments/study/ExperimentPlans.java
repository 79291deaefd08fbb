package org.polygrok.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grids of PROTOCOL §8 ({@link Scale#FULL}) and their reduced versions ({@link Scale#QUICK}),
 * each with a note that says what it changes. Everything not named here is the protocol's default
 * (p 31, "+", order 2, r_train 0.5, AdamW 1e-3, weight decay 1, batch 512, L 2, d 128, 4 heads,
 * 10001 steps, evaluation every step up to 100 and every 100 after).
 */
public final class ExperimentPlans {
    /** The protocol's seeds. */
    public static final List<Long> SEEDS = List.of(0L, 42L);
    /** Q6's budget fractions α = 0.1 … 1.0. */
    public static final List<Double> ALPHAS = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);

    private static final String FULL_NOTE = "Full scale: the protocol's grid exactly (PROTOCOL §8).";

    private ExperimentPlans() {
    }

    public static ExperimentPlan of(Experiment experiment, Scale scale) {
        return scale == Scale.FULL ? full(experiment) : quick(experiment);
    }

    private static ExperimentPlan full(Experiment e) {
        return switch (e) {
            case SANITY, ATTENTION -> plan(e, Scale.FULL, Map.of(), List.of(Map.of()), List.of(), FULL_NOTE);
            case DATA_SCALING -> plan(e, Scale.FULL, Map.of(), grid("r_train", 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8,
                    0.9), List.of(), FULL_NOTE);
            case ORDERS -> plan(e, Scale.FULL, ORDERS_BASE, List.of(Map.of()), List.of(), FULL_NOTE
                    + " p = 11, orders 2 and 3, each order split in half (PROTOCOL §1.7).");
            case MODEL_SIZE -> plan(e, Scale.FULL, Map.of(), sizes(List.of(1, 2, 3), List.of(64, 128, 256)), List.of(),
                    FULL_NOTE);
            case COMPUTE -> plan(e, Scale.FULL, Map.of("steps", 20001), grid("train_batch_size", 32, 64, 128, 256, 512),
                    ALPHAS, FULL_NOTE + " T = 20001; each α row keeps the evaluations at steps <= α·T.");
            case REGULARIZATION -> plan(e, Scale.FULL, Map.of("steps", 40001), grid("weight_decay", 0.25, 0.5, 0.75,
                    1.0), List.of(), FULL_NOTE + " LSTM only, T = 40001.");
        };
    }

    private static final Map<String, Object> ORDERS_BASE = Map.of("p", 11, "orders", List.of(2, 3), "r_train", 0.5,
            "split", "per-order");

    /** The quick scale: the same questions at smaller p, fewer steps, sparser evaluation and fewer grid points. */
    private static ExperimentPlan quick(Experiment e) {
        return switch (e) {
            case SANITY, ATTENTION -> plan(e, Scale.QUICK, QUICK_BASE, List.of(Map.of()), List.of(), QUICK_NOTE);
            case DATA_SCALING -> plan(e, Scale.QUICK, QUICK_BASE, grid("r_train", 0.3, 0.5, 0.7), List.of(),
                    QUICK_NOTE + " r_train in {0.3, 0.5, 0.7} only.");
            case ORDERS -> plan(e, Scale.QUICK, with(ORDERS_BASE, QUICK_STEPS), List.of(Map.of()), List.of(),
                    "Quick scale: p = 11, orders 2 and 3 split per order as the protocol, but " + QUICK_STEPS_TEXT + ".");
            case MODEL_SIZE -> plan(e, Scale.QUICK, QUICK_BASE, sizes(List.of(1, 2), List.of(64, 128)), List.of(),
                    QUICK_NOTE + " (L, d) in {1, 2} x {64, 128} only.");
            case COMPUTE -> plan(e, Scale.QUICK, QUICK_BASE, grid("train_batch_size", 16, 64), ALPHAS,
                    QUICK_NOTE + " Batch sizes 16 and 64 only (64 is the whole training set at this p); "
                            + "each α row keeps the evaluations at steps <= α·T.");
            case REGULARIZATION -> plan(e, Scale.QUICK, QUICK_BASE, grid("weight_decay", 0.25, 1.0), List.of(),
                    QUICK_NOTE + " LSTM only, weight decay 0.25 and 1.0 only.");
        };
    }

    private static final Map<String, Object> QUICK_STEPS = Map.of("steps", 1500, "eval_first", 20, "eval_period", 50);
    private static final String QUICK_STEPS_TEXT = "1500 steps, evaluated after each of the first 20 steps and every 50";
    private static final Map<String, Object> QUICK_BASE = with(Map.of("p", 11), QUICK_STEPS);
    private static final String QUICK_NOTE = "Quick scale (not the protocol): p = 11 (121 equations, 60 train / 61 "
            + "val), " + QUICK_STEPS_TEXT + "; everything else as the protocol.";

    private static ExperimentPlan plan(Experiment e, Scale scale, Map<String, Object> base,
            List<Map<String, Object>> settings, List<Double> alphas, String notes) {
        return new ExperimentPlan(e, scale, base, settings, SEEDS, alphas, notes);
    }

    private static List<Map<String, Object>> grid(String key, Object... values) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object v : values) {
            out.add(Map.of(key, v));
        }
        return out;
    }

    private static List<Map<String, Object>> sizes(List<Integer> layers, List<Integer> dims) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int l : layers) {
            for (int d : dims) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("layers", l);
                m.put("dim", d);
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
