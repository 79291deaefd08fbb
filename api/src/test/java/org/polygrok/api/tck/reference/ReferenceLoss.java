package org.polygrok.api.tck.reference;

import java.util.Arrays;
import org.polygrok.api.HostArray;

/**
 * The RHS loss and accuracy of PROTOCOL §4 in plain Java (double precision), written apart from
 * {@link org.polygrok.api.train.RhsLoss} so that each checks the other.
 */
public final class ReferenceLoss {
    private ReferenceLoss() {
    }

    /** Per sample: mean over RHS positions of −log softmax(logits)[target]. logits row-major (B, S, V). */
    public static double[] perSample(double[] logits, long[] logitsShape, HostArray targets, HostArray rhsWeights) {
        int b = (int) logitsShape[0];
        int s = (int) logitsShape[1];
        int v = (int) logitsShape[2];
        check(logits, logitsShape, targets, rhsWeights);
        double[] out = new double[b];
        for (int n = 0; n < b; n++) {
            double total = 0;
            double count = 0;
            for (int j = 0; j < s; j++) {
                double w = rhsWeights.floats()[n * s + j];
                if (w == 0) {
                    continue;
                }
                int base = (n * s + j) * v;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    max = Math.max(max, logits[base + k]);
                }
                double sumExp = 0;
                for (int k = 0; k < v; k++) {
                    sumExp += Math.exp(logits[base + k] - max);
                }
                double logProb = logits[base + targets.ints()[n * s + j]] - max - Math.log(sumExp);
                total += -w * logProb;
                count += w;
            }
            out[n] = total / count;
        }
        return out;
    }

    /** The mean of {@link #perSample} over the batch. */
    public static double mean(double[] logits, long[] logitsShape, HostArray targets, HostArray rhsWeights) {
        return Arrays.stream(perSample(logits, logitsShape, targets, rhsWeights)).average().orElseThrow();
    }

    /** Per sample 1 when the first maximal logit is the target at every RHS position, else 0. */
    public static double[] correct(double[] logits, long[] logitsShape, HostArray targets, HostArray rhsWeights) {
        int b = (int) logitsShape[0];
        int s = (int) logitsShape[1];
        int v = (int) logitsShape[2];
        check(logits, logitsShape, targets, rhsWeights);
        double[] out = new double[b];
        for (int n = 0; n < b; n++) {
            boolean allRight = true;
            for (int j = 0; j < s; j++) {
                if (rhsWeights.floats()[n * s + j] == 0) {
                    continue;
                }
                int base = (n * s + j) * v;
                int best = 0;
                for (int k = 1; k < v; k++) {
                    if (logits[base + k] > logits[base + best]) {
                        best = k;
                    }
                }
                allRight &= best == targets.ints()[n * s + j];
            }
            out[n] = allRight ? 1 : 0;
        }
        return out;
    }

    private static void check(double[] logits, long[] shape, HostArray targets, HostArray rhsWeights) {
        long[] bs = {shape[0], shape[1]};
        if (shape.length != 3 || logits.length != shape[0] * shape[1] * shape[2]
                || !Arrays.equals(targets.shape(), bs) || !Arrays.equals(rhsWeights.shape(), bs)) {
            throw new IllegalArgumentException("logits (B, S, V) need targets and rhsWeights (B, S)");
        }
    }
}
