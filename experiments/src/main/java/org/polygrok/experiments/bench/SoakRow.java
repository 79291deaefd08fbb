package org.polygrok.experiments.bench;

import java.util.List;

/**
 * One backend's soak run: its memory samples, every {@code every} steps from step 0, and the growth
 * after warm-up: last sample against the sample at {@code warmupSteps}, in percent.
 */
public record SoakRow(String backend, String model, long steps, long every, long warmupSteps, double stepMsMedian,
        List<SoakSample> samples) {
    /** The tolerated growth of resident and native memory after warm-up. */
    public static final double MAX_GROWTH_PERCENT = 5.0;

    public SoakRow {
        samples = List.copyOf(samples);
    }

    public SoakSample afterWarmup() {
        return samples.stream().filter(s -> s.step() >= warmupSteps).findFirst().orElse(samples.get(samples.size() - 1));
    }

    public SoakSample last() {
        return samples.get(samples.size() - 1);
    }

    public double maxRssMb() {
        return samples.stream().mapToDouble(SoakSample::rssMb).max().orElse(Double.NaN);
    }

    public double rssGrowthPercent() {
        return 100 * (last().rssMb() - afterWarmup().rssMb()) / afterWarmup().rssMb();
    }

    public double nativeGrowthPercent() {
        return 100 * (last().nativeMb() - afterWarmup().nativeMb()) / afterWarmup().nativeMb();
    }

    public boolean withinLimit() {
        return rssGrowthPercent() <= MAX_GROWTH_PERCENT && nativeGrowthPercent() <= MAX_GROWTH_PERCENT;
    }
}
