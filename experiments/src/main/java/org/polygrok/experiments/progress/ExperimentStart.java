package org.polygrok.experiments.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
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
}
