package org.polygrok.experiments.crosscheck;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How long one backend followed the reference: the last step up to which every training loss agreed
 * within the per-step tolerance, and what ended the agreement — a loss spike on one or more engines
 * near that step (an instability: float32 training is chaotic there), rounding-level differences that grew
 * steadily with no spike (amplified rounding: the same instability, seen without a spike), a difference
 * beyond rounding level from the first steps that grew without any spike (a drift from the start: a defect),
 * differing step-0 losses (a defect), or nothing.
 *
 * @param lastAgreeing the last step (1-based) up to which all losses agree; the run's length when none differ
 * @param spikes for an instability, the first spike step of each engine that spiked near the end of the
 *     agreement, by backend name; empty otherwise
 * @param excursions single steps beyond tolerance, before the end, followed by a return within it
 */
public record Horizon(String backend, Cause cause, int lastAgreeing, int steps, Map<String, Integer> spikes,
        double firstDifference, double differenceAtEnd, int excursions) {

    /** What ended the agreement. */
    public enum Cause {
        /** The losses agree over the whole run (and the weights after it). */
        NONE,
        /** A loss spike on one or more engines: they part afterwards. */
        INSTABILITY,
        /**
         * With no spike: differences at float32 rounding level in the first steps grew steadily beyond
         * tolerance, as chaotic training amplifies rounding ({@link RoundingGrowth}); the runs part afterwards.
         */
        AMPLIFIED_ROUNDING,
        /** The difference grew beyond tolerance with no spike to explain it, or the weights differ at the end. */
        DRIFT,
        /** The step-0 losses already differ. */
        START
    }

    public Horizon {
        spikes = Map.copyOf(new java.util.TreeMap<>(spikes));
    }

    /** The step of the instability: the earliest spike, or for amplified rounding the first differing step; else -1. */
    public int instabilityStep() {
        if (cause == Cause.AMPLIFIED_ROUNDING) {
            return lastAgreeing + 1;
        }
        return spikes.values().stream().mapToInt(Integer::intValue).min().orElse(-1);
    }

    /** One line for the console and crosscheck.json. */
    public String describe(String reference) {
        return text(reference) + (excursions == 0 ? "" : " (" + excursions + " brief excursion"
                + (excursions == 1 ? "" : "s") + " beyond tolerance before, each back within it at once)");
    }

    private String text(String reference) {
        return switch (cause) {
            case NONE -> String.format(Locale.ROOT, "%s agrees with %s over all %d steps", backend, reference, steps);
            case INSTABILITY -> String.format(Locale.ROOT, "%s agrees with %s until step %d; a loss spike (%s) "
                    + "ends the agreement and the runs part afterwards", backend, reference, lastAgreeing,
                    spikes.entrySet().stream().sorted(Map.Entry.comparingByValue())
                            .map(e -> "step " + e.getValue() + " on " + e.getKey()).collect(Collectors.joining(", ")));
            case AMPLIFIED_ROUNDING -> String.format(Locale.ROOT, "%s agrees with %s until step %d; with no loss "
                    + "spike, its float32 rounding differences (%.2e at step 1, at most %.0e of the loss over the first %d "
                    + "steps) grew steadily to %.2e, as chaotic training amplifies rounding, and the runs part afterwards",
                    backend, reference, lastAgreeing, firstDifference, RoundingGrowth.ROUNDING, RoundingGrowth.EARLY_STEPS,
                    differenceAtEnd);
            case DRIFT -> lastAgreeing == steps
                    ? String.format(Locale.ROOT, "%s agrees with %s on every loss but its weights differ after the "
                            + "last step: a drift from the start", backend, reference)
                    : String.format(Locale.ROOT, "%s agrees with %s until step %d only, with no loss spike to explain "
                            + "it: the difference grew from %.2e at step 1 to %.2e (a drift from the start)", backend,
                            reference, lastAgreeing, firstDifference, differenceAtEnd);
            case START -> String.format(Locale.ROOT, "%s differs from %s before the first step (step-0 losses)",
                    backend, reference);
        };
    }
}
