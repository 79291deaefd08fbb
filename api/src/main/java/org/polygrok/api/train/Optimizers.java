package org.polygrok.api.train;

/** The {@link OptimizerRule} for an {@link OptimizerSpec}. */
public final class Optimizers {
    private Optimizers() {
    }

    public static OptimizerRule rule(OptimizerSpec spec) {
        return switch (spec.kind()) {
            case ADAMW -> AdamRule.adamW(spec);
            case ADAM -> AdamRule.adam(spec);
            case SGD -> new SgdRule(spec);
            case MOMENTUM -> new MomentumRule(spec);
        };
    }
}
