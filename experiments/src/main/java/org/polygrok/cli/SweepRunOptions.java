package org.polygrok.cli;

import org.polygrok.experiments.sweep.run.ParallelTrials;
import picocli.CommandLine.Option;

/** How a sweep runs, shared by {@code run} and {@code sweep}: trials at once, FAILED reruns, log detail. */
final class SweepRunOptions {
    @Option(names = "--parallel", paramLabel = "N",
            description = "Trials running at once, each in its own process; the cores are divided among the "
                    + "trials running at once (default: one per core, at most one per 2 GiB of memory).")
    Integer parallel;

    @Option(names = "--retry-failed", description = "Rerun, from scratch, trials that FAILED in an earlier run.")
    boolean retryFailed;

    @Option(names = "--verbose", description = "Log every evaluation of every trial (when not on a terminal).")
    boolean verbose;

    /** --parallel when given, else the machine's default. */
    int parallelOrDefault() {
        return parallel != null ? parallel : ParallelTrials.byDefault();
    }

    boolean parallelGiven() {
        return parallel != null;
    }
}
