package org.polygrok.experiments.train;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.train.OptimizerState;

/**
 * A trial's state after {@code step}: weights, optimizer state (null when the backend cannot export
 * it), the batch sampler and the wall time spent so far. Stored in {@code <trial>/checkpoint/}.
 */
public record Checkpoint(Info info, Map<String, HostArray> weights, OptimizerState optimizer) {

    /** The checkpoint's {@code state.json}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Info(long step, SamplerState sampler, double elapsedS, boolean optimizerState,
            int slotsPerParameter) {
    }

    public long step() {
        return info.step();
    }
}
