package org.polygrok.experiments.crosscheck;

import java.util.Comparator;
import java.util.List;

/**
 * A crosscheck's verdict over all backends, from their {@link Horizon}s: the worst one counts. The
 * first two exit 0, so scripts can gate on the third.
 */
public enum Verdict {
    AGREE("the backends agree over the whole run", 0),
    AGREE_UNTIL_INSTABILITY("the backends agree until an instability at step %d and part afterwards, "
            + "as float32 training does", 0),
    DISAGREE_FROM_START("the backends DISAGREE from the start (a defect)", 1);

    private final String text;
    private final int exitCode;

    Verdict(String text, int exitCode) {
        this.text = text;
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The verdict of these horizons. */
    static Verdict of(List<Horizon> horizons) {
        return horizons.stream().map(Verdict::of).max(Comparator.naturalOrder()).orElse(AGREE);
    }

    private static Verdict of(Horizon h) {
        return switch (h.cause()) {
            case NONE -> AGREE;
            case INSTABILITY, AMPLIFIED_ROUNDING -> AGREE_UNTIL_INSTABILITY;
            case DRIFT, START -> DISAGREE_FROM_START;
        };
    }

    /** The sentence, with the earliest instability step of {@code horizons} where it names one. */
    public String describe(List<Horizon> horizons) {
        int step = horizons.stream().mapToInt(Horizon::instabilityStep).filter(s -> s > 0).min().orElse(-1);
        return this == AGREE_UNTIL_INSTABILITY ? String.format(text, step) : text;
    }
}
