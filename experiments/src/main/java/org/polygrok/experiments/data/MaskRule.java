package org.polygrok.experiments.data;

/** Which target positions count in the loss (PROTOCOL §4). */
public enum MaskRule {
    /** The handout's rule: positions after "=" whose target is not PAD. */
    DEFAULT,
    /** The reference code's rule: positions after "=" where the input-aligned mask is 1. */
    LEGACY
}
