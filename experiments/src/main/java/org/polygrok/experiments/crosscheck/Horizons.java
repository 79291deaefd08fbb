package org.polygrok.experiments.crosscheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@link Horizon} of one backend against the reference. The agreement ends at the first step
 * whose loss difference exceeds the per-step tolerance; it is an instability when either engine's loss
 * spikes ({@link LossSpikes}) within {@value #BEFORE} steps before that step or {@value #AFTER} after it
 * (a spike is often flagged a few steps after the difference first exceeds the tolerance); amplified
 * rounding when, with no spike, the difference grew steadily from rounding level ({@link RoundingGrowth});
 * else a drift.
 * A single step beyond tolerance followed by {@value #RETURN} steps within it is a brief excursion (counted,
 * not an end).
 */
final class Horizons {
    static final int BEFORE = 50;
    static final int AFTER = 10;
    /** Steps back within tolerance that make a difference beyond it a brief excursion. */
    static final int RETURN = 10;

    private Horizons() {
    }

    /**
     * @param step0Agrees whether the step-0 train and validation losses agree
     * @param weightsAgree whether the weights after the last step agree
     */
    static Horizon find(BackendTrajectory reference, BackendTrajectory other, double[] differences, double tolerance,
            boolean step0Agrees, boolean weightsAgree) {
        int steps = differences.length;
        double first = differences.length == 0 ? 0 : differences[0];
        if (!step0Agrees) {
            return new Horizon(other.backend(), Horizon.Cause.START, 0, steps, Map.of(), first, first, 0);
        }
        int end = 0;
        int excursions = 0;
        while (end < steps && (differences[end] <= tolerance || isExcursion(differences, end, tolerance))) {
            if (!(differences[end] <= tolerance)) {
                excursions++;
            }
            end++;
        }
        if (end == steps) {
            return new Horizon(other.backend(), weightsAgree ? Horizon.Cause.NONE : Horizon.Cause.DRIFT, steps, steps,
                    Map.of(), first, differences[steps - 1], excursions);
        }
        int disagreeing = end + 1; // 1-based step
        Map<String, Integer> spikes = new LinkedHashMap<>();
        for (BackendTrajectory t : List.of(reference, other)) {
            LossSpikes.onsets(t.losses()).stream()
                    .filter(s -> s >= disagreeing - BEFORE && s <= disagreeing + AFTER).findFirst()
                    .ifPresent(s -> spikes.put(t.backend(), s));
        }
        Horizon.Cause cause = !spikes.isEmpty() ? Horizon.Cause.INSTABILITY
                : RoundingGrowth.explains(reference.losses(), differences, end, tolerance)
                        ? Horizon.Cause.AMPLIFIED_ROUNDING : Horizon.Cause.DRIFT;
        return new Horizon(other.backend(), cause, end, steps, spikes, first, differences[end], excursions);
    }

    /**
     * Whether the finite difference beyond tolerance at {@code i} is a brief excursion: the next
     * {@value #RETURN} steps all lie within tolerance again (rounding noise at the tolerance's level, not
     * a parting).
     */
    static boolean isExcursion(double[] d, int i, double tolerance) {
        if (!Double.isFinite(d[i]) || i + RETURN >= d.length) {
            return false;
        }
        for (int k = i + 1; k <= i + RETURN; k++) {
            if (!(d[k] <= tolerance)) {
                return false;
            }
        }
        return true;
    }
}
