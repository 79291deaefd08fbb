package org.polygrok.api.train;

import java.util.Map;
import org.polygrok.api.HostArray;

/**
 * A model's weights and optimizer state on one engine, with a compiled training step
 * ({@link org.polygrok.api.Backend#newTrainSession}). One step = forward, RHS loss (mean over the
 * batch), the engine's own backward, global-norm clipping, the {@link OptimizerRule} update.
 */
public interface TrainSession extends AutoCloseable {

    /** One optimizer step; returns the batch's mean loss before the update. */
    float step(Batch batch);

    /** Optimizer steps taken so far (restored by {@link #restore}). */
    long stepsTaken();

    /** Per-sample loss and correctness, without gradients (eval mode). */
    Evaluation evaluate(Batch batch);

    /**
     * The forward pass on tokens (B, S) with its outputs copied back: "logits" and the model's
     * internals ("hidden_states", "attentions" for the GPT).
     *
     * @throws org.polygrok.api.UnsupportedCapabilityException without {@link org.polygrok.api.Capability#MODEL_INTERNALS}
     */
    Map<String, HostArray> forwardWithInternals(HostArray tokens);

    /** Current weights under the model's parameter names, in {@code namedParameters()} order. */
    Map<String, HostArray> weights();

    /** @throws org.polygrok.api.UnsupportedCapabilityException without {@link org.polygrok.api.Capability#OPTIMIZER_STATE} */
    OptimizerState optimizerState();

    /** Replaces weights and (if non-null) the optimizer state, e.g. from a checkpoint. */
    void restore(Map<String, HostArray> weights, OptimizerState state);

    @Override
    void close();
}
