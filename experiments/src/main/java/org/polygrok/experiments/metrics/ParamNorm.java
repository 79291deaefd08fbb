package org.polygrok.experiments.metrics;

import java.util.Map;
import org.polygrok.api.HostArray;

/** ‖θ‖₂ = sqrt(Σ p²) over every parameter, embeddings included (PROTOCOL §6). */
public final class ParamNorm {
    private ParamNorm() {
    }

    public static double of(Map<String, HostArray> weights) {
        double sumSquares = 0;
        for (HostArray w : weights.values()) {
            for (float v : w.floats()) {
                sumSquares += (double) v * v;
            }
        }
        return Math.sqrt(sumSquares);
    }
}
