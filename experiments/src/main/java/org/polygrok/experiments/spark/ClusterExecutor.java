package org.polygrok.experiments.spark;

import org.polygrok.experiments.sweep.run.TrialExecutor;

/** A {@link TrialExecutor} on a cluster: it knows how many trials the cluster runs at once, and is closed after the sweep. */
public interface ClusterExecutor extends TrialExecutor, AutoCloseable {

    /** Trials the cluster runs at once now: its executors' cores divided by the cores of one trial. */
    int slots();

    /** Engine threads of each trial. */
    int threadsPerTrial();

    @Override
    void close();
}
