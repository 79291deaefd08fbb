package org.polygrok.api;

/**
 * Optional abilities a backend declares. The conformance kit tests each declared capability and
 * checks that each undeclared one fails with {@link UnsupportedCapabilityException}, never silently.
 */
public enum Capability {
    /** {@link org.polygrok.api.train.TrainSession#forwardWithInternals}: GPT attentions and hidden states. */
    MODEL_INTERNALS,
    /** {@link org.polygrok.api.train.TrainSession#optimizerState} and restoring it. */
    OPTIMIZER_STATE,
    /** Setting the engine's intra-op thread count ({@link BackendOptions#threads()}). */
    THREAD_CONTROL
}
