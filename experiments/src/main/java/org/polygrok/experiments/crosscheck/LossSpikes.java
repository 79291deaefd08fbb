package org.polygrok.experiments.crosscheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the loss spikes of one training-loss series, from the series alone: a step whose loss is at
 * least {@value #FACTOR} times the lowest loss of the {@value #WINDOW} steps before it and higher than
 * that lowest loss by at least {@value #RISE} (the sudden jumps of grokking runs: 1e-3 to ~1), or whose
 * loss is not finite. A spike is reported at its first step; the steps after it up to the loss's
 * return below the threshold belong to the same spike.
 */
public final class LossSpikes {
    static final int WINDOW = 20;
    static final double FACTOR = 2.0;
    static final double RISE = 0.05;

    private LossSpikes() {
    }

    /** The 1-based steps at which spikes start ({@code losses[0]} is step 1's loss). */
    public static List<Integer> onsets(double[] losses) {
        List<Integer> out = new ArrayList<>();
        boolean inSpike = false;
        for (int i = 1; i < losses.length; i++) {
            double low = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, i - WINDOW); j < i; j++) {
                if (Double.isFinite(losses[j])) {
                    low = Math.min(low, losses[j]);
                }
            }
            boolean spike = !Double.isFinite(losses[i])
                    || (Double.isFinite(low) && losses[i] >= FACTOR * low && losses[i] - low >= RISE);
            if (spike && !inSpike) {
                out.add(i + 1);
            }
            inSpike = spike;
        }
        return out;
    }
}
