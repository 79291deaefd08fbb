package org.polygrok.experiments.crosscheck;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What curve mode accepts as the same science from the same initial weights: the mean over the
 * evaluations of |ΔA_train| and |ΔA_val| (accuracy points) and of |Δ log L_val| (natural log), and the
 * gap of the grokking step t_f(A_val) as a fraction of the run's steps.
 */
public record CurveTolerances(double accuracy, double logLoss, double grokkingStep) {
    public static final double ACCURACY = 0.05;
    public static final double LOG_LOSS = 0.5;
    public static final double GROKKING_STEP = 0.1;

    public CurveTolerances {
        for (double v : new double[] {accuracy, logLoss, grokkingStep}) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("a curve tolerance must be a positive number, got " + v);
            }
        }
    }

    public static CurveTolerances defaults() {
        return new CurveTolerances(ACCURACY, LOG_LOSS, GROKKING_STEP);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_abs_accuracy", accuracy);
        m.put("mean_abs_log_val_loss", logLoss);
        m.put("t_f_A_val_fraction_of_steps", grokkingStep);
        return m;
    }
}
