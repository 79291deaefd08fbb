package org.polygrok.experiments.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.TrainSpec;
import org.polygrok.experiments.data.DatasetSpec;
import org.polygrok.experiments.data.MaskRule;
import org.polygrok.experiments.data.Operator;
import org.polygrok.experiments.data.SplitRule;
import org.polygrok.plotting.results.TrialConfig;

/**
 * What a trial's {@link TrialConfig} (the config.json record of the results contract) means to the
 * training code: its model, dataset, mask rule, optimizer and the protocol's defaults.
 */
public final class TrialSpecs {
    private TrialSpecs() {
    }

    public static ModelKind model(TrialConfig c) {
        return ModelKind.fromLabel(c.model());
    }

    public static DatasetSpec dataset(TrialConfig c) {
        return new DatasetSpec(c.p(), Operator.fromSymbol(c.operator()), c.orders(), c.rTrain(), c.seed(),
                SplitRule.fromLabel(c.split()));
    }

    public static MaskRule maskRule(TrialConfig c) {
        return c.legacyMask() ? MaskRule.LEGACY : MaskRule.DEFAULT;
    }

    public static OptimizerSpec optimizer(TrialConfig c) {
        OptimizerSpec.Kind kind;
        try {
            kind = OptimizerSpec.Kind.valueOf(c.optimizer().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimizer '" + c.optimizer()
                    + "'; use adamw, adam, sgd or momentum");
        }
        return OptimizerSpec.adamW(c.lr(), c.weightDecay()).withKind(kind);
    }

    public static TrainSpec train(TrialConfig c) {
        return new TrainSpec(optimizer(c), c.clipNorm());
    }

    /** The protocol's defaults (PROTOCOL §8) for {@code model}, on no particular backend yet. */
    public static TrialConfig defaults(ModelKind model) {
        return new TrialConfig(model.label(), null, null, null, 42, 31, "+", List.of(2), 0.5, 512, 4096, 2, 128, 4,
                4, 0.0, "adamw", 1e-3, 1.0, 1.0, 10001, 0, 100, 100, "train", Map.of(), 0,
                SplitRule.PLAIN.label(), false, null, null, null);
    }
}
