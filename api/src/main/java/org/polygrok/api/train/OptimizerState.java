package org.polygrok.api.train;

import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;

/**
 * Optimizer state for checkpoints: steps taken so far and, per parameter name, its slots in the
 * order of {@link OptimizerRule#slotNames()} (AdamW: exp_avg, exp_avg_sq).
 */
public record OptimizerState(long step, Map<String, List<HostArray>> slots) {
}
