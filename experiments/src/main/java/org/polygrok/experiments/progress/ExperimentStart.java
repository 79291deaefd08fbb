package org.polygrok.experiments.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An experiment's sweep as it starts: its name, question and scale, how many trials it has, the trials it
 * runs now (id → optimizer steps at most), how many are DONE already and how many FAILED ones it keeps.
 */
public record ExperimentStart(String experiment, String question, String scale, int trials, Map<String, Long> toRun,
        int done, int failedKept) {

    public ExperimentStart {
        toRun = Collections.unmodifiableMap(new LinkedHashMap<>(toRun));
    }

    /** The optimizer steps of the trials it runs now, at most. */
    public long steps() {
        return toRun.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "sanity (Q1, quick scale): 4 trials, 2 to run (400 steps), 2 done, 0 failed and not retried". */
    String headline() {
        return String.format(Locale.ROOT, "%s (%s, %s scale): %d trials, %d to run (%d steps), %d done, %d failed and "
                + "not retried", experiment, question, scale, trials, toRun.size(), steps(), done, failedKept);
    }
}
