package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.api.HostArray;
import org.polygrok.api.tck.reference.ReferenceTrainer;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.OptimizerSpec.Kind;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * Loss, clipping and optimizer of a backend's training session against {@link ReferenceTrainer}
 * (double precision, finite-difference gradients, optimizers written from torch's docs): 20
 * full-batch steps of {@link TinyTask}; the 20 losses within 1e-5, the final weights within 1e-4.
 */
public abstract class OptimizerContract extends BackendContract {
    public static final int STEPS = 20;
    public static final double LOSS_TOLERANCE = 1e-5;
    public static final double WEIGHT_TOLERANCE = 1e-4;

    /** Whether global-norm clipping must bind at every step, at none, or is not checked. */
    public enum Clipping { BINDS, NEVER_BINDS, UNCHECKED }

    /** One training configuration. */
    public record TrainingCase(String name, TrainSpec spec, Clipping clipping) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<TrainingCase> cases() {
        return Stream.of(
                new TrainingCase("AdamW defaults (lr 1e-3, wd 1, clip 1)", TrainSpec.defaults(), Clipping.UNCHECKED),
                new TrainingCase("AdamW lr 1e-2, clip 0.05 binds", new TrainSpec(OptimizerSpec.adamW(1e-2, 1.0), 0.05),
                        Clipping.BINDS),
                new TrainingCase("AdamW lr 1e-2, clip 100 never binds",
                        new TrainSpec(OptimizerSpec.adamW(1e-2, 1.0), 100), Clipping.NEVER_BINDS),
                new TrainingCase("Adam lr 1e-2, L2 0.1, clip 1", new TrainSpec(spec(Kind.ADAM, 1e-2, 0.1), 1.0),
                        Clipping.UNCHECKED),
                new TrainingCase("SGD lr 0.5, L2 0.01, clip 0.2 binds", new TrainSpec(spec(Kind.SGD, 0.5, 0.01), 0.2),
                        Clipping.BINDS),
                new TrainingCase("SGD lr 0.5, L2 0.01, no clipping", new TrainSpec(spec(Kind.SGD, 0.5, 0.01), 0),
                        Clipping.UNCHECKED),
                new TrainingCase("momentum 0.9 lr 0.1, L2 0.01, clip 1", new TrainSpec(spec(Kind.MOMENTUM, 0.1, 0.01), 1.0),
                        Clipping.UNCHECKED));
    }

    static OptimizerSpec spec(Kind kind, double lr, double weightDecay) {
        return new OptimizerSpec(kind, lr, weightDecay, 0.9, 0.999, 1e-8, 0.9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainingMatchesTheReferenceTrainer(TrainingCase c) {
        TinyLanguageModel model = TinyTask.model();
        Map<String, HostArray> weights = TinyTask.weights(model, 1);
        Batch batch = TinyTask.batch();
        ReferenceTrainer reference = new ReferenceTrainer(model, weights, c.spec());
        double[] expected = new double[STEPS];
        double[] actual = new double[STEPS];
        try (TrainSession session = backend().newTrainSession(model, weights, c.spec())) {
            for (int t = 0; t < STEPS; t++) {
                actual[t] = session.step(batch);
                expected[t] = reference.step(batch);
                double norm = reference.lastGradientNorm();
                if (c.clipping() == Clipping.BINDS) {
                    assertThat(norm).as("reference gradient norm at step %d", t + 1).isGreaterThan(c.spec().clipNorm());
                } else if (c.clipping() == Clipping.NEVER_BINDS) {
                    assertThat(norm).as("reference gradient norm at step %d", t + 1).isLessThan(c.spec().clipNorm());
                }
            }
            Close.assertClose(c.name() + ": losses of " + STEPS + " steps", actual, expected, 0, LOSS_TOLERANCE);
            assertThat(expected[STEPS - 1]).as("the reference learns").isLessThan(expected[0]);
            Map<String, HostArray> finalWeights = session.weights();
            reference.weights().forEach((name, w) ->
                    Close.assertClose(c.name() + ": final " + name, finalWeights.get(name), w, 0, WEIGHT_TOLERANCE));
        }
    }
}
