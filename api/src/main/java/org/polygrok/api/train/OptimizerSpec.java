package org.polygrok.api.train;

/**
 * Which optimizer and its hyper-parameters. Defaults are the protocol's AdamW: lr 1e-3, weight
 * decay 1.0 (decoupled, lr-scaled, on every parameter), betas 0.9/0.999, eps 1e-8.
 */
public record OptimizerSpec(Kind kind, double lr, double weightDecay, double beta1, double beta2, double eps,
        double momentum) {

    public enum Kind {
        /** torch.optim.AdamW: p ← p(1 − lr·wd), then the Adam step. */
        ADAMW,
        /** torch.optim.Adam with coupled L2: g ← g + wd·p. */
        ADAM,
        /** torch.optim.SGD, g ← g + wd·p. */
        SGD,
        /** torch.optim.SGD with momentum 0.9 (dampening 0, no Nesterov), g ← g + wd·p. */
        MOMENTUM
    }

    public OptimizerSpec {
        if (!(lr > 0) || weightDecay < 0 || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || !(eps > 0)) {
            throw new IllegalArgumentException("invalid optimizer settings: lr " + lr + ", weight decay "
                    + weightDecay + ", betas " + beta1 + "/" + beta2 + ", eps " + eps);
        }
    }

    public static OptimizerSpec adamW(double lr, double weightDecay) {
        return new OptimizerSpec(Kind.ADAMW, lr, weightDecay, 0.9, 0.999, 1e-8, 0.9);
    }

    public static OptimizerSpec defaults() {
        return adamW(1e-3, 1.0);
    }

    public OptimizerSpec withKind(Kind k) {
        return new OptimizerSpec(k, lr, weightDecay, beta1, beta2, eps, momentum);
    }
}
