package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.tck.TinyLanguageModel;
import org.polygrok.api.tck.TinyTask;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/** The SameDiff training session on the conformance kit's tiny task. */
class Nd4jTrainSessionTest {
    private static final Nd4jBackend backend = Nd4jTesting.backend();

    @Test
    void theLossFallsAndEvaluationAgreesWithTheStep() {
        TinyLanguageModel model = TinyTask.model();
        Batch batch = TinyTask.batch();
        try (TrainSession session = backend.newTrainSession(model, TinyTask.weights(model, 3),
                new TrainSpec(org.polygrok.api.train.OptimizerSpec.adamW(1e-2, 0.1), 1.0))) {
            Evaluation before = session.evaluate(batch);
            float first = session.step(batch);
            assertThat(first).as("step loss = mean of the per-sample evaluation").isCloseTo(mean(before.loss()), within(1e-5f));
            float last = first;
            for (int i = 0; i < 40; i++) {
                last = session.step(batch);
            }
            assertThat(last).isLessThan(first * 0.5f);
            assertThat(session.stepsTaken()).isEqualTo(41);
            Evaluation after = session.evaluate(batch);
            assertThat(mean(after.loss())).isLessThan(mean(before.loss()) * 0.5f);
            assertThat(after.correct()).hasSize(TinyTask.BATCH).containsOnly(0f, 1f);
        }
    }

    @Test
    void restoringWeightsAndOptimizerStateContinuesTheSameTrajectory() {
        TinyLanguageModel model = TinyTask.model();
        Batch batch = TinyTask.batch();
        try (TrainSession a = backend.newTrainSession(model, TinyTask.weights(model, 5), TrainSpec.defaults());
                TrainSession b = backend.newTrainSession(model, TinyTask.weights(model, 6), TrainSpec.defaults())) {
            for (int i = 0; i < 5; i++) {
                a.step(batch);
            }
            Map<String, HostArray> weights = a.weights();
            OptimizerState state = a.optimizerState();
            assertThat(state.step()).isEqualTo(5);
            assertThat(state.slots().get("head.bias")).hasSize(2);
            b.restore(weights, state);
            assertThat(b.stepsTaken()).isEqualTo(5);
            assertThat(b.weights()).isEqualTo(weights);
            for (int i = 0; i < 3; i++) {
                assertThat(b.step(batch)).isEqualTo(a.step(batch));
            }
            assertThat(b.weights()).isEqualTo(a.weights());
        }
    }

    @Test
    void forwardWithInternalsReturnsLogitsAndHiddenStates() {
        TinyLanguageModel model = TinyTask.model();
        Batch batch = TinyTask.batch();
        try (TrainSession session = backend.newTrainSession(model, TinyTask.weights(model, 1), TrainSpec.defaults())) {
            Map<String, HostArray> out = session.forwardWithInternals(batch.tokens());
            assertThat(out.get("logits").shape()).containsExactly(TinyTask.BATCH, TinyTask.SEQUENCE, TinyTask.VOCAB);
            assertThat(out.get(ModelOutput.HIDDEN_STATES).shape())
                    .containsExactly(TinyTask.BATCH, 2, TinyTask.SEQUENCE, TinyTask.DIM);
        }
    }

    @Test
    void badInputAndUseAfterCloseFailClearly() {
        TinyLanguageModel model = TinyTask.model();
        Batch batch = TinyTask.batch();
        TrainSession session = backend.newTrainSession(model, TinyTask.weights(model, 1), TrainSpec.defaults());
        Batch floatTokens = new Batch(HostArray.of(batch.tokens().toFloatArray(), batch.tokens().shape()),
                batch.targets(), batch.rhsWeights());
        assertThatThrownBy(() -> session.step(floatTokens)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokens must be INT32");
        Map<String, HostArray> wrong = new java.util.LinkedHashMap<>(session.weights());
        wrong.remove("head.bias");
        assertThatThrownBy(() -> session.restore(wrong, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("head.bias");
        session.close();
        assertThatThrownBy(() -> session.step(batch)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static float mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return (float) (sum / values.length);
    }
}
