package org.polygrok.api.tck.reference;

import java.util.List;
import org.polygrok.api.train.OptimizerSpec;

/**
 * torch's optimizers in double precision, written straight from the algorithms in the
 * torch.optim documentation (AdamW, Adam, SGD with and without momentum), independent of the
 * api's {@link org.polygrok.api.train.OptimizerRule}s. State per parameter: the arrays named as
 * torch's state_dict names them.
 */
public final class ReferenceOptimizer {
    private final OptimizerSpec spec;

    public ReferenceOptimizer(OptimizerSpec spec) {
        this.spec = spec;
    }

    /** torch's state names for this optimizer. */
    public List<String> stateNames() {
        return switch (spec.kind()) {
            case ADAMW, ADAM -> List.of("exp_avg", "exp_avg_sq");
            case SGD -> List.of();
            case MOMENTUM -> List.of("momentum_buffer");
        };
    }

    /**
     * Updates {@code theta} in place at step t (1-based) from gradient {@code g}; {@code state}
     * holds the arrays of {@link #stateNames()}, zero before the first step.
     */
    public void step(long t, double[] theta, double[] g, List<double[]> state) {
        double lr = spec.lr();
        double lambda = spec.weightDecay();
        switch (spec.kind()) {
            case ADAMW -> {
                // θ_t ← θ_{t−1} − γλθ_{t−1}, then Adam with m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)
                for (int j = 0; j < theta.length; j++) {
                    theta[j] -= lr * lambda * theta[j];
                }
                adam(t, theta, g, state.get(0), state.get(1));
            }
            case ADAM -> {
                double[] decayed = new double[g.length];
                for (int j = 0; j < g.length; j++) {
                    decayed[j] = g[j] + lambda * theta[j];
                }
                adam(t, theta, decayed, state.get(0), state.get(1));
            }
            case SGD -> {
                for (int j = 0; j < theta.length; j++) {
                    theta[j] -= lr * (g[j] + lambda * theta[j]);
                }
            }
            case MOMENTUM -> {
                double[] b = state.get(0);
                for (int j = 0; j < theta.length; j++) {
                    double d = g[j] + lambda * theta[j];
                    b[j] = t > 1 ? spec.momentum() * b[j] + d : d; // dampening 0
                    theta[j] -= lr * b[j];
                }
            }
            default -> throw new IllegalStateException("unknown optimizer " + spec.kind());
        }
    }

    private void adam(long t, double[] theta, double[] g, double[] m, double[] v) {
        double b1 = spec.beta1();
        double b2 = spec.beta2();
        for (int j = 0; j < theta.length; j++) {
            m[j] = b1 * m[j] + (1 - b1) * g[j];
            v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
            double mHat = m[j] / (1 - Math.pow(b1, t));
            double vHat = v[j] / (1 - Math.pow(b2, t));
            theta[j] -= spec.lr() * mHat / (Math.sqrt(vHat) + spec.eps());
        }
    }
}
