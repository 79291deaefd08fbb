package org.polygrok.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.ValueAndGradients;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.ParameterBinding;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.RhsLoss;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/** The traced training step on the real models, at small sizes. */
class TfTrainSessionTest {
    private static final ModularAddition TASK = new ModularAddition(5);

    private static LSTMLM lstm() {
        return new LSTMLM(new LstmConfig(TASK.vocab, 16, 2, TASK.pad));
    }

    private static GPT gpt() {
        return new GPT(new GptConfig(TASK.vocab, 16, 2, 4, 4, 6, TASK.pad));
    }

    private static TrainSession session(LanguageModel model, long seed, TrainSpec spec) {
        return TfTesting.backend().newTrainSession(model, WeightInit.initialWeights(model, seed), spec);
    }

    private static float mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return (float) (sum / values.length);
    }

    @Test
    void lossFallsForBothModels() {
        TrainSpec fast = new TrainSpec(OptimizerSpec.adamW(1e-2, 0.0), 1.0);
        for (LanguageModel model : List.of(lstm(), gpt())) {
            try (TrainSession s = session(model, 42, fast)) {
                Batch all = TASK.all();
                float first = s.step(all);
                float last = first;
                for (int i = 0; i < 40; i++) {
                    last = s.step(all);
                }
                assertThat(last).as(model.getClass().getSimpleName()).isLessThan(0.6f * first);
                assertThat(s.stepsTaken()).isEqualTo(41);
            }
        }
    }

    @Test
    void stepReturnsTheLossBeforeTheUpdateAndEvaluationAgrees() {
        try (TrainSession s = session(gpt(), 0, TrainSpec.defaults())) {
            Batch all = TASK.all();
            Evaluation before = s.evaluate(all);
            assertThat(before.loss()).hasSize(25);
            float loss = s.step(all);
            assertThat(loss).isCloseTo(mean(before.loss()), within(1e-5f));
            assertThat(mean(s.evaluate(all).loss())).isNotEqualTo(loss);
            for (float c : before.correct()) {
                assertThat(c).isIn(0f, 1f);
            }
        }
    }

    @Test
    void firstAdamWStepMatchesTheUpdateWorkedOutFromGradients() {
        LanguageModel model = lstm();
        Map<String, HostArray> w0 = WeightInit.initialWeights(model, 3);
        Batch all = TASK.all();
        Map<String, HostArray> grads = gradients(model, w0, all);
        double norm = Math.sqrt(grads.values().stream()
                .mapToDouble(g -> { double s = 0; for (float v : g.floats()) { s += (double) v * v; } return s; }).sum());
        double clip = Math.min(1.0, 1.0 / (norm + 1e-6));
        double lr = 1e-3;
        double wd = 1.0;
        try (TrainSession s = TfTesting.backend().newTrainSession(model, w0, TrainSpec.defaults())) {
            s.step(all);
            Map<String, HostArray> w1 = s.weights();
            for (String name : w0.keySet()) {
                float[] p0 = w0.get(name).floats();
                float[] p1 = w1.get(name).floats();
                float[] g = grads.get(name).floats();
                for (int i = 0; i < p0.length; i++) {
                    // AdamW step 1: decay, then m̂ = g, v̂ = g² (g clipped), step lr·g/(|g| + eps)
                    double gc = g[i] * clip;
                    double expected = p0[i] * (1 - lr * wd) - lr * gc / (Math.abs(gc) + 1e-8);
                    assertThat((double) p1[i]).as(name + "[" + i + "]").isCloseTo(expected, within(3e-6));
                }
            }
        }
    }

    /** dLoss/dW through the backend's generic valueAndGradients, weights fed as inputs. */
    private static Map<String, HostArray> gradients(LanguageModel model, Map<String, HostArray> weights, Batch batch) {
        List<String> names = new ArrayList<>(model.namedParameters().keySet());
        List<HostArray> inputs = new ArrayList<>();
        names.forEach(n -> inputs.add(weights.get(n)));
        inputs.add(batch.tokens());
        inputs.add(batch.targets());
        inputs.add(batch.rhsWeights());
        int n = names.size();
        ValueAndGradients r = TfTesting.backend().valueAndGradients((ops, in) -> {
            ParameterBinding bound = ParameterBinding.of(ops, model.parameters(), in.subList(0, n));
            Tensor logits = model.forward(bound, in.get(n)).logits();
            return RhsLoss.mean(bound, logits, in.get(n + 1), in.get(n + 2));
        }, inputs);
        Map<String, HostArray> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(names.get(i), r.gradients().get(i));
        }
        return out;
    }

    @Test
    void restoredCheckpointContinuesExactly() {
        LanguageModel model = gpt();
        Batch all = TASK.all();
        try (TrainSession a = session(model, 5, TrainSpec.defaults())) {
            for (int i = 0; i < 3; i++) {
                a.step(all);
            }
            Map<String, HostArray> weights = a.weights();
            OptimizerState state = a.optimizerState();
            assertThat(state.step()).isEqualTo(3);
            assertThat(state.slots().get("classifier.bias")).hasSize(2);
            try (TrainSession b = session(model, 99, TrainSpec.defaults())) {
                b.restore(weights, state);
                assertThat(b.stepsTaken()).isEqualTo(3);
                assertThat(b.weights()).isEqualTo(weights);
                for (int i = 0; i < 3; i++) {
                    assertThat(b.step(all)).isCloseTo(a.step(all), within(1e-6f));
                }
            }
        }
    }

    @Test
    void weightsComeBackAsGivenAndSmallerLastBatchesTraceAgain() {
        LanguageModel model = lstm();
        Map<String, HostArray> w0 = WeightInit.initialWeights(model, 11);
        try (TrainSession s = TfTesting.backend().newTrainSession(model, w0, TrainSpec.defaults())) {
            assertThat(s.weights()).isEqualTo(w0);
            assertThat(List.copyOf(s.weights().keySet())).isEqualTo(List.copyOf(model.namedParameters().keySet()));
            s.step(TASK.batch(0, 16));
            s.step(TASK.batch(16, 25));
            assertThat(s.evaluate(TASK.batch(0, 3)).loss()).hasSize(3);
            assertThat(s.stepsTaken()).isEqualTo(2);
        }
    }

    @Test
    void gptInternalsHaveTheProtocolShapes() {
        try (TrainSession s = session(gpt(), 1, TrainSpec.defaults())) {
            Map<String, HostArray> out = s.forwardWithInternals(TASK.batch(0, 2).tokens());
            assertThat(out.get("logits").shape()).containsExactly(2, 6, TASK.vocab);
            assertThat(out.get(ModelOutput.HIDDEN_STATES).shape()).containsExactly(2, 3, 6, 16);
            HostArray attn = out.get(ModelOutput.ATTENTIONS);
            assertThat(attn.shape()).containsExactly(2, 2, 4, 6, 6);
            float[] a = attn.floats();
            for (int row = 0; row < a.length / 6; row++) {
                int query = row % 6;
                float sum = 0;
                for (int key = 0; key < 6; key++) {
                    sum += a[row * 6 + key];
                    if (key > query) {
                        assertThat(a[row * 6 + key]).isZero();
                    }
                }
                assertThat(sum).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    @Test
    void badInputGetsOneClearSentence() {
        LanguageModel model = lstm();
        Map<String, HostArray> w0 = new HashMap<>(WeightInit.initialWeights(model, 0));
        try (TrainSession s = TfTesting.backend().newTrainSession(model, w0, TrainSpec.defaults())) {
            Batch good = TASK.batch(0, 2);
            int[] bad = good.targets().ints().clone();
            bad[3] = TASK.vocab;
            Batch outOfRange = new Batch(good.tokens(), HostArray.ofInts(bad, 2, 6), good.rhsWeights());
            assertThatThrownBy(() -> s.step(outOfRange)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside the vocabulary");
            assertThat(s.stepsTaken()).isZero();
        }
        w0.remove("classifier.bias");
        assertThatThrownBy(() -> TfTesting.backend().newTrainSession(model, w0, TrainSpec.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classifier.bias");
    }

    @Test
    void closedSessionRefusesWork() {
        TrainSession s = session(lstm(), 0, TrainSpec.defaults());
        s.close();
        s.close();
        assertThatThrownBy(() -> s.step(TASK.all())).isInstanceOf(IllegalStateException.class);
    }
}
