package org.polygrok.experiments.crosscheck;

/**
 * Whether a loss difference that left the tolerance with no spike nearby is float32 rounding that the
 * training amplified (chaotic training: no defect) rather than a drift from the start (a defect). It is
 * when the difference stayed at rounding level over the first {@value #EARLY_STEPS} steps (at most
 * {@value #ROUNDING} of the reference's loss: the two engines computed the same thing) and then grew
 * steadily: within the {@value #EARLY_STEPS} steps before the agreement ended it had already come within
 * a factor {@value #APPROACH_FACTOR} of the tolerance, instead of jumping there from rounding level.
 *
 * <p>Measured on the default GPT (p = 31, full batch): the per-step difference of correct engines is
 * 2e-7 to 4e-6 (at most 1.3e-6 of the loss) in the first steps and grows ~10x every 10-15 steps through
 * the memorisation phase (steps 40-70), where the loss falls fastest. A defect shows up at once: weights
 * off by 0.01 differ before the first step; a wrong rule (a misplaced epsilon, a missing mask) differs
 * by 1e-4 of the loss or more within a few steps.
 */
final class RoundingGrowth {
    static final int EARLY_STEPS = 10;
    static final double ROUNDING = 1e-5;
    static final double APPROACH_FACTOR = 10;

    private RoundingGrowth() {
    }

    /**
     * @param referenceLosses the reference's per-step losses
     * @param differences |loss difference| per step (0-based)
     * @param end the 0-based index of the first step beyond tolerance
     */
    static boolean explains(double[] referenceLosses, double[] differences, int end, double tolerance) {
        if (end < EARLY_STEPS) {
            return false; // beyond tolerance within the first steps: no rounding grows that fast
        }
        for (int i = 0; i < EARLY_STEPS; i++) {
            if (!(differences[i] <= ROUNDING * Math.abs(referenceLosses[i]))) {
                return false;
            }
        }
        double approach = 0;
        for (int i = end - EARLY_STEPS; i < end; i++) {
            approach = Math.max(approach, differences[i]);
        }
        return approach >= tolerance / APPROACH_FACTOR;
    }
}
