package org.polygrok.experiments.cost;

import java.util.List;
import org.polygrok.experiments.data.ArithmeticDataset;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * What sets the time of a trial's step and evaluation: backend, model and its size, the sequence
 * (modulus and orders), the batch actually used (min(B, N_train)), the evaluation batch, the sizes of
 * both sets and the engine threads. Trials that differ only by seed, learning rate, weight decay
 * and the like have one shape and are probed once.
 */
public record TrialShape(String backend, String model, int p, String operator, List<Integer> orders, String split,
        int layers, int dim, int heads, int multiplier, int batch, int evalBatch, int trainSize, int valSize,
        int threads) {

    public TrialShape {
        orders = List.copyOf(orders);
    }

    /** The shape of {@code config} run with {@code threads} engine threads. */
    public static TrialShape of(TrialConfig config, int threads) {
        ArithmeticDataset data = ArithmeticDataset.build(TrialSpecs.dataset(config));
        int train = data.train().size();
        return new TrialShape(config.backend(), config.model(), config.p(), config.operator(), config.orders(),
                config.split(), config.layers(), config.dim(), config.heads(), config.multiplier(),
                Math.min(config.trainBatchSize(), train), config.evalBatchSize(), train, data.validation().size(),
                threads);
    }
}
