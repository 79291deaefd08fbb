package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.Capability;
import org.polygrok.api.HostArray;
import org.polygrok.api.UnsupportedCapabilityException;
import org.polygrok.api.tck.reference.ReferenceLoss;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * The bookkeeping of a {@link TrainSession} on {@link TinyTask}: step counts, evaluation against the
 * reported step loss and the plain-Java loss, weights round trips, checkpoint restore that continues
 * exactly like an uninterrupted session, evaluation that changes nothing, and clear errors.
 */
public abstract class TrainSessionContract extends BackendContract {
    public static final double LOSS_TOLERANCE = 1e-5;
    static final TrainSpec SPEC = new TrainSpec(OptimizerSpec.adamW(1e-2, 1.0), 1.0);

    private final TinyLanguageModel model = TinyTask.model();
    private final Map<String, HostArray> weights = TinyTask.weights(model, 1);
    private final Batch batch = TinyTask.batch();

    private TrainSession newSession(Map<String, HostArray> initial) {
        return backend().newTrainSession(model, initial, SPEC);
    }

    @Test
    void aFreshSessionHoldsTheGivenWeightsAtStepZero() {
        try (TrainSession session = newSession(weights)) {
            assertThat(session.stepsTaken()).isZero();
            Map<String, HostArray> w = session.weights();
            assertThat(w.keySet()).as("parameter names in model order").containsExactlyElementsOf(weights.keySet());
            weights.forEach((name, expected) -> assertThat(w.get(name)).as(name).isEqualTo(expected));
        }
    }

    @Test
    void stepsAreCounted() {
        try (TrainSession session = newSession(weights)) {
            for (int i = 0; i < 3; i++) {
                session.step(batch);
            }
            assertThat(session.stepsTaken()).isEqualTo(3);
        }
    }

    @Test
    void evaluationMatchesTheReportedStepLossAndThePlainJavaLoss() {
        try (TrainSession session = newSession(weights)) {
            for (int i = 0; i < 3; i++) {
                Evaluation before = session.evaluate(batch);
                assertMatchesReference("evaluation before step " + (i + 1), before, session.weights());
                double mean = 0;
                for (float l : before.loss()) {
                    mean += l / before.loss().length;
                }
                float reported = session.step(batch);
                assertThat((double) reported).as("loss reported by step %d", i + 1)
                        .isCloseTo(mean, org.assertj.core.data.Offset.offset(LOSS_TOLERANCE));
            }
        }
    }

    @Test
    void evaluationChangesNeitherWeightsNorSteps() {
        try (TrainSession session = newSession(weights)) {
            session.step(batch);
            Map<String, HostArray> before = session.weights();
            Evaluation first = session.evaluate(batch);
            Evaluation second = session.evaluate(batch);
            assertThat(session.stepsTaken()).isEqualTo(1);
            assertThat(second.loss()).containsExactly(first.loss());
            assertThat(second.correct()).containsExactly(first.correct());
            Map<String, HostArray> after = session.weights();
            before.forEach((name, w) -> assertThat(after.get(name)).as(name).isEqualTo(w));
        }
    }

    @Test
    void restoredWeightsReadBackExactlyAndAreUsed() {
        Map<String, HostArray> other = TinyTask.weights(model, 2);
        try (TrainSession session = newSession(weights)) {
            session.step(batch);
            session.restore(other, null);
            Map<String, HostArray> w = session.weights();
            other.forEach((name, expected) -> assertThat(w.get(name)).as(name).isEqualTo(expected));
            assertMatchesReference("evaluation after restore", session.evaluate(batch), other);
        }
    }

    @Test
    void restoringACheckpointContinuesLikeAnUninterruptedSession() {
        if (!backend().capabilities().contains(Capability.OPTIMIZER_STATE)) {
            try (TrainSession session = newSession(weights)) {
                assertThatThrownBy(session::optimizerState).isInstanceOf(UnsupportedCapabilityException.class);
            }
            return;
        }
        float[] uninterrupted = new float[6];
        Map<String, HostArray> finalWeights;
        try (TrainSession session = newSession(weights)) {
            for (int i = 0; i < 6; i++) {
                uninterrupted[i] = session.step(batch);
            }
            finalWeights = session.weights();
        }
        Map<String, HostArray> checkpointWeights;
        OptimizerState checkpointState;
        try (TrainSession first = newSession(weights)) {
            for (int i = 0; i < 3; i++) {
                first.step(batch);
            }
            checkpointWeights = first.weights();
            checkpointState = first.optimizerState();
        }
        assertThat(checkpointState.step()).isEqualTo(3);
        try (TrainSession resumed = newSession(TinyTask.weights(model, 2))) {
            resumed.restore(checkpointWeights, checkpointState);
            assertThat(resumed.stepsTaken()).isEqualTo(3);
            float[] continued = new float[3];
            for (int i = 0; i < 3; i++) {
                continued[i] = resumed.step(batch);
            }
            Close.assertClose("losses of steps 4-6 after restore", Close.toDoubles(continued),
                    Close.toDoubles(java.util.Arrays.copyOfRange(uninterrupted, 3, 6)), 0, 1e-6);
            Map<String, HostArray> w = resumed.weights();
            finalWeights.forEach((name, expected) ->
                    Close.assertClose("weight " + name + " after restore and 3 steps", w.get(name), expected, 0, 1e-6));
        }
    }

    @Test
    void badWeightsAreRejectedWithAClearError() {
        Map<String, HostArray> missing = new LinkedHashMap<>(weights);
        missing.remove("mix.bias");
        assertThatThrownBy(() -> newSession(missing).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mix.bias");
        Map<String, HostArray> misshapen = new LinkedHashMap<>(weights);
        misshapen.put("mix.bias", HostArray.zeros(TinyTask.DIM + 1));
        assertThatThrownBy(() -> newSession(misshapen).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mix.bias");
        Map<String, HostArray> extra = new LinkedHashMap<>(weights);
        extra.put("unknown.weight", HostArray.zeros(2));
        assertThatThrownBy(() -> newSession(extra).close()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown.weight");
        try (TrainSession session = newSession(weights)) {
            assertThatThrownBy(() -> session.restore(misshapen, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mix.bias");
        }
    }

    @Test
    void aClosedSessionRefusesEveryCallInOneSentence() {
        TrainSession session = newSession(weights);
        session.close();
        session.close(); // closing twice is harmless
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(() -> session.step(batch),
                () -> session.evaluate(batch), session::weights, () -> session.restore(weights, null),
                () -> session.forwardWithInternals(batch.tokens()));
        for (var call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalStateException.class)
                    .hasMessage("this " + backend().name() + " training session is closed");
        }
    }

    @Test
    void badOptimizerStateAndBadBatchesAreRejectedWithAClearError() {
        try (TrainSession session = newSession(weights)) {
            if (backend().capabilities().contains(Capability.OPTIMIZER_STATE)) {
                session.step(batch);
                OptimizerState state = session.optimizerState();
                Map<String, List<HostArray>> oneSlotShort = new LinkedHashMap<>(state.slots());
                oneSlotShort.put("mix.bias", state.slots().get("mix.bias").subList(1, state.slots().get("mix.bias").size()));
                assertThatThrownBy(() -> session.restore(weights, new OptimizerState(1, oneSlotShort)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optimizer state of 'mix.bias'");
                assertThatThrownBy(() -> session.restore(weights, new OptimizerState(-1, state.slots())))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative step");
            }
            int[] tokens = batch.tokens().ints().clone();
            tokens[3] = TinyTask.VOCAB;
            Batch outside = new Batch(HostArray.ofInts(tokens, TinyTask.BATCH, TinyTask.SEQUENCE), batch.targets(),
                    batch.rhsWeights());
            assertThatThrownBy(() -> session.step(outside)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("token id 8 at flat index 3 is outside the vocabulary [0, 8)");
            Batch floatTargets = new Batch(batch.tokens(), HostArray.zeros(TinyTask.BATCH, TinyTask.SEQUENCE),
                    batch.rhsWeights());
            assertThatThrownBy(() -> session.evaluate(floatTargets)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batch targets must be INT32, got FLOAT32");
            long before = session.stepsTaken();
            assertThat(before).as("a refused step is not counted").isEqualTo(
                    backend().capabilities().contains(Capability.OPTIMIZER_STATE) ? 1 : 0);
        }
    }

    /** Per-sample loss and correctness equal the plain-Java loss on the reference forward pass at {@code at}. */
    private void assertMatchesReference(String what, Evaluation actual, Map<String, HostArray> at) {
        Map<org.polygrok.api.nn.Parameter, HostArray> bound = new java.util.IdentityHashMap<>();
        model.namedParameters().forEach((name, p) -> bound.put(p, at.get(name)));
        ReferenceOps ops = new ReferenceOps(bound);
        double[] logits = ((ReferenceTensor) model.forward(ops, ops.constant(batch.tokens())).logits()).values();
        long[] shape = {TinyTask.BATCH, TinyTask.SEQUENCE, TinyTask.VOCAB};
        Close.assertClose(what + ": per-sample loss", Close.toDoubles(actual.loss()),
                ReferenceLoss.perSample(logits, shape, batch.targets(), batch.rhsWeights()), 0, LOSS_TOLERANCE);
        double[] correct = ReferenceLoss.correct(logits, shape, batch.targets(), batch.rhsWeights());
        assertThat(Close.toDoubles(actual.correct())).as(what + ": correct").containsExactly(correct);
        assertThat(correct[1]).as("the task's sample 1 is right, so correctness is tested both ways").isEqualTo(1.0);
    }
}
