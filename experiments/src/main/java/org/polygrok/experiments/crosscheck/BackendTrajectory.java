package org.polygrok.experiments.crosscheck;

import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.experiments.metrics.SetMetrics;

/**
 * What one backend computed for a crosscheck: the full train and validation metrics before training,
 * the training loss of every step (before its update), the metrics after the last step and the final weights.
 */
public record BackendTrajectory(String backend, String engine, SetMetrics trainAtStart, SetMetrics valAtStart,
        double[] losses, SetMetrics trainAtEnd, SetMetrics valAtEnd, Map<String, HostArray> finalWeights,
        double seconds) {

    public BackendTrajectory {
        losses = losses.clone();
        finalWeights = Map.copyOf(finalWeights);
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    public int steps() {
        return losses.length;
    }

    public double loss(int step) {
        return losses[step];
    }
}
