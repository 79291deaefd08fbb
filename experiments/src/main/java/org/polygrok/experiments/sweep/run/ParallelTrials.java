package org.polygrok.experiments.sweep.run;

import java.lang.management.ManagementFactory;

/**
 * How many trials a sweep runs at once when the user does not say: one per core, each with one engine
 * thread, but no more than one per {@value #GIB_PER_TRIAL} GiB of memory (a default trial peaks under
 * 1 GB RSS). On 2 cores one trial per core finished a data-scaling sweep in 121 s where one trial at a
 * time with both cores took 187 s: small models use a second thread poorly, a second trial well.
 * The cores are shared by the trials that run at once: an experiment with fewer trials than slots
 * (Q8's single GPT) gives each trial more threads instead of leaving cores idle. The count comes from
 * all the experiment's trials, done or not, so a resumed trial trains on the threads it started with
 * (a thread count can change a reduction's rounding).
 */
public final class ParallelTrials {
    static final int GIB_PER_TRIAL = 2;

    private ParallelTrials() {
    }

    /** The default --parallel of this machine. */
    public static int byDefault() {
        return byDefault(Runtime.getRuntime().availableProcessors(), totalMemoryBytes());
    }

    static int byDefault(int cores, long memoryBytes) {
        long byMemory = memoryBytes / ((long) GIB_PER_TRIAL << 30);
        return (int) Math.max(1, Math.min(cores, byMemory));
    }

    /**
     * Engine threads of each trial of an experiment of {@code trials} trials run {@code parallel} at a
     * time on {@code cores} cores: the cores divided among the trials that run at once, at least one.
     */
    public static int threadsPerTrial(int cores, int parallel, int trials) {
        int atOnce = Math.max(1, Math.min(parallel, trials));
        return Math.max(1, cores / atOnce);
    }

    private static long totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }
}
