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

    /**
     * The quick scale, measured on DJL to finish in minutes on 2 cores and still show memorisation before
     * generalisation: p = 17 with r_train 0.7 (202 train / 87 val, one full batch) instead of p = 31 with
     * 0.5, 3000 steps; sanity keeps both seeds, the other experiments run seed 42 only and fewer grid
     * points. Points equal to the sanity defaults (r_train 0.7, L 2, d 128, B 512, weight decay 1) are
     * the same trials, copied rather than trained again when the experiments share a results folder.
     */
    private static ExperimentPlan quick(Experiment e) {
        return switch (e) {
            case SANITY -> new ExperimentPlan(e, Scale.QUICK, QUICK_BASE, List.of(Map.of()), SEEDS, List.of(),
                    QUICK_NOTE + ".");
            case ATTENTION -> new ExperimentPlan(e, Scale.QUICK, QUICK_BASE, List.of(Map.of()), SEED_42, List.of(),
                    QUICK_NOTE + "; the GPT of seed 42.");
            case DATA_SCALING -> quickPlan(e, QUICK_BASE, grid("r_train", 0.3, 0.5, 0.7, 0.9), List.of(),
                    QUICK_NOTE + "; r_train in {0.3, 0.5, 0.7, 0.9}; seed 42 only.");
            case ORDERS -> quickPlan(e, with(ORDERS_BASE, QUICK_ORDERS_STEPS), List.of(Map.of()), List.of(),
                    "Quick scale (not the protocol): p = 11, orders 2 and 3 split per order as the protocol, but 1500 "
                            + "steps, evaluated after each of the first 20 steps and every 50; seed 42 only.");
            case MODEL_SIZE -> quickPlan(e, QUICK_BASE, sizes(List.of(1, 2), List.of(64, 128)), List.of(),
                    QUICK_NOTE + "; (L, d) in {1, 2} x {64, 128}; seed 42 only.");
            case COMPUTE -> quickPlan(e, QUICK_BASE, grid("train_batch_size", 32, 512), ALPHAS,
                    QUICK_NOTE + "; batch sizes 32 and 512 (512 is the whole training set at this p); T = 3000 and "
                            + "each α row keeps the evaluations at steps <= α·T; seed 42 only.");
            case REGULARIZATION -> quickPlan(e, QUICK_BASE, grid("weight_decay", 0.25, 0.5, 1.0), List.of(),
                    QUICK_NOTE + "; LSTM only, weight decay 0.25, 0.5 and 1.0; seed 42 only.");
        };
    }

    private static final List<Long> SEED_42 = List.of(42L);
    private static final Map<String, Object> QUICK_BASE = Map.of("p", 17, "r_train", 0.7, "steps", 3000,
            "eval_first", 20, "eval_period", 50);
    private static final Map<String, Object> QUICK_ORDERS_STEPS = Map.of("steps", 1500, "eval_first", 20,
            "eval_period", 50);
    private static final String QUICK_NOTE = "Quick scale (not the protocol): p = 17 and r_train 0.7 (289 equations, "
            + "202 train / 87 val) instead of p = 31 and 0.5, 3000 steps, evaluated after each of the first 20 steps "
            + "and every 50; everything else as the protocol";

    private static ExperimentPlan quickPlan(Experiment e, Map<String, Object> base, List<Map<String, Object>> settings,
            List<Double> alphas, String notes) {
        return new ExperimentPlan(e, Scale.QUICK, base, settings, SEED_42, alphas, notes);
    }

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
