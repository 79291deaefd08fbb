package org.polygrok.experiments.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The largest absolute differences to the first backend that still count as agreement: on the step-0
 * train and validation losses (full evaluation), on every per-step training loss, and on any weight
 * after the last step.
 */
public record Tolerances(double step0Loss, double stepLoss, double parameter) {
    public static final double STEP0_LOSS = 1e-5;
    public static final double STEP_LOSS = 1e-3;
    public static final double PARAMETER = 1e-2;

    public Tolerances {
        check("step-0 loss", step0Loss);
        check("per-step loss", stepLoss);
        check("parameter", parameter);
    }

    public static Tolerances defaults() {
        return new Tolerances(STEP0_LOSS, STEP_LOSS, PARAMETER);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step0_loss_abs", step0Loss);
        m.put("step_loss_abs", stepLoss);
        m.put("parameter_abs", parameter);
        return m;
    }

    private static void check(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("the " + what + " tolerance must be a positive number, got " + value);
        }
    }
}
