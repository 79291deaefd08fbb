package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polygrok.api.Backend;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.nn.TokensAndPositions;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.random.Mt19937;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;

/**
 * The conformance kit for the two models: every backend extends this class. On tiny models
 * (V = 16, d = 8, L = 2, H = 2, S = 6, B = 3, one row with PAD tokens) it runs the LSTM and the GPT
 * through {@link Backend#run} and {@link Backend#valueAndGradients} from {@link WeightInit} weights
 * and checks shapes, attention rows, the padding rule, logits against the plain-Java
 * double-precision {@link ReferenceOps} (1e-4), gradients against the reference's central finite
 * differences, and both models against PyTorch on the {@link ModelFixtures} weights (1e-4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelContract {
    static final int V = 16;
    static final int D = 8;
    static final int L = 2;
    static final int H = 2;
    static final int S = 6;
    static final int B = 3;
    static final int PAD = 15;
    /** Largest absolute difference allowed between a backend's outputs and the references. */
    static final double TOLERANCE = 1e-4;

    private Backend backend;
    private LSTMLM lstm;
    private GPT gpt;
    private Map<String, HostArray> lstmWeights;
    private Map<String, HostArray> gptWeights;
    private final Map<LanguageModel, Map<String, HostArray>> gradientCache = new IdentityHashMap<>();
    private final HostArray tokens = HostArray.ofInts(new int[] {
        13, 1, 11, 2, 12, 3,
        13, 10, 11, 10, 12, 9,
        13, PAD, PAD, 4, 12, PAD}, B, S);

    /** The backend under test; the kit closes nothing, the subclass owns it. */
    protected abstract Backend backend();

    @BeforeAll
    void buildModels() {
        backend = backend();
        lstm = new LSTMLM(new LstmConfig(V, D, L, PAD));
        gpt = new GPT(new GptConfig(V, D, L, H, 4, S, PAD));
        lstmWeights = WeightInit.initialWeights(lstm, 7);
        gptWeights = WeightInit.initialWeights(gpt, 11);
    }

    @Test
    void lstmLogitsMatchTheReference() {
        Map<String, HostArray> out = ModelRunner.forward(backend::run, lstm, lstmWeights, tokens);
        assertThat(out.keySet()).containsExactly(ModelRunner.LOGITS);
        assertThat(out.get(ModelRunner.LOGITS).shape()).containsExactly(B, S, V);
        assertClose(out.get(ModelRunner.LOGITS), reference(lstm, lstmWeights, tokens).get(ModelRunner.LOGITS),
                "LSTM logits");
    }

    @Test
    void gptOutputsHaveTheProtocolsShapes() {
        Map<String, HostArray> out = ModelRunner.forward(backend::run, gpt, gptWeights, tokens);
        assertThat(out.keySet()).containsExactly(ModelRunner.LOGITS, ModelOutput.HIDDEN_STATES, ModelOutput.ATTENTIONS);
        assertThat(out.get(ModelRunner.LOGITS).shape()).containsExactly(B, S, V);
        assertThat(out.get(ModelOutput.HIDDEN_STATES).shape()).containsExactly(B, L + 1, S, D);
        assertThat(out.get(ModelOutput.ATTENTIONS).shape()).containsExactly(B, L, H, S, S);
    }

    @Test
    void gptLogitsAndInternalsMatchTheReference() {
        Map<String, HostArray> out = ModelRunner.forward(backend::run, gpt, gptWeights, tokens);
        Map<String, HostArray> expected = reference(gpt, gptWeights, tokens);
        for (String name : expected.keySet()) {
            assertClose(out.get(name), expected.get(name), "GPT " + name);
        }
    }

    @Test
    void scoredLogitsAreTheLastRowsOfTheFullLogits() {
        for (LanguageModel model : List.of(lstm, gpt)) {
            Map<String, HostArray> weights = model == lstm ? lstmWeights : gptWeights;
            float[] full = ModelRunner.forward(backend::run, model, weights, tokens).get(ModelRunner.LOGITS).floats();
            for (int first : new int[] {0, 4, S - 1}) {
                HostArray scored = ModelRunner.scoredLogits(backend::run, model, weights, tokens, first);
                assertThat(scored.shape()).as("%s scored from %d", model.getClass().getSimpleName(), first)
                        .containsExactly(B, S - first, V);
                float[] expected = new float[B * (S - first) * V];
                for (int b = 0; b < B; b++) {
                    System.arraycopy(full, (b * S + first) * V, expected, b * (S - first) * V, (S - first) * V);
                }
                assertClose(scored, expected, model.getClass().getSimpleName() + " logits scored from " + first);
            }
        }
    }

    @Test
    void aScoredWindowOutsideTheSequenceIsRejected() {
        for (LanguageModel model : List.of(lstm, gpt)) {
            Map<String, HostArray> weights = model == lstm ? lstmWeights : gptWeights;
            for (int first : new int[] {-1, S}) {
                assertThatThrownBy(() -> ModelRunner.scoredLogits(backend::run, model, weights, tokens, first))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("first scored position must lie in [0, " + S + "), got " + first);
            }
        }
    }

    @Test
    void attentionRowsSumToOneWithExactZerosAboveTheDiagonal() {
        float[] a = ModelRunner.forward(backend::run, gpt, gptWeights, tokens).get(ModelOutput.ATTENTIONS).floats();
        for (int matrix = 0; matrix < B * L * H; matrix++) {
            for (int query = 0; query < S; query++) {
                double rowSum = 0;
                for (int key = 0; key < S; key++) {
                    float w = a[(matrix * S + query) * S + key];
                    if (key > query) {
                        assertThat(w).as("attention of query %d on later key %d", query, key).isEqualTo(0f);
                    } else {
                        assertThat(w).isBetween(0f, 1f);
                    }
                    rowSum += w;
                }
                assertThat(rowSum).as("sum of attention row %d of matrix %d", query, matrix).isCloseTo(1.0,
                        org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    /** Even with a non-zero PAD row (the rule multiplies by ids ≠ PAD), PAD positions embed to zero. */
    @Test
    void paddingPositionsEmbedToThePositionRowAlone() {
        Map<String, HostArray> weights = new java.util.LinkedHashMap<>(gptWeights);
        float[] table = weights.get("embedding.tokens.weight").floats().clone();
        Arrays.fill(table, PAD * D, (PAD + 1) * D, 1f);
        weights.put("embedding.tokens.weight", HostArray.of(table, V, D));
        float[] hidden = ModelRunner.forward(backend::run, gpt, weights, tokens).get(ModelOutput.HIDDEN_STATES).floats();
        float[] positions = TokensAndPositions.sinusoidalTable(S, D);
        int[] ids = tokens.ints();
        int padPositions = 0;
        for (int b = 0; b < B; b++) {
            for (int s = 0; s < S; s++) {
                if (ids[b * S + s] == PAD) {
                    int at = ((b * (L + 1)) * S + s) * D; // hidden_states[b, 0, s, :]
                    assertThat(Arrays.copyOfRange(hidden, at, at + D)).as("embedding output at PAD (%d, %d)", b, s)
                            .containsExactly(Arrays.copyOfRange(positions, s * D, s * D + D),
                                    org.assertj.core.data.Offset.offset(1e-6f));
                    padPositions++;
                }
            }
        }
        assertThat(padPositions).isEqualTo(3);
    }

    @Test
    void thePaddingRowGetsNoGradient() {
        assertPaddingRowUntouched(lstm, lstmWeights, "embedding.weight");
        assertPaddingRowUntouched(gpt, gptWeights, "embedding.tokens.weight");
    }

    private void assertPaddingRowUntouched(LanguageModel model, Map<String, HostArray> weights, String table) {
        float[] g = gradients(model, weights).get(table).floats();
        assertThat(Arrays.copyOfRange(g, PAD * D, (PAD + 1) * D)).as("gradient of the PAD row of " + table)
                .containsOnly(0f);
        assertThat(Arrays.copyOfRange(g, 13 * D, 14 * D)).as("gradient of the BOS row of " + table)
                .satisfies(row -> assertThat(maxAbs(row)).isGreaterThan(1e-6f));
    }

    @Test
    void lstmGradientsMatchFiniteDifferences() {
        assertGradientsMatchFiniteDifferences(lstm, lstmWeights);
    }

    @Test
    void gptGradientsMatchFiniteDifferences() {
        assertGradientsMatchFiniteDifferences(gpt, gptWeights);
    }

    /**
     * The backend's gradient of Σ logSoftmax(logits) ⊙ probe against the reference's central
     * differences (step 1e-5, in double) at three entries of every parameter: first, middle, last;
     * within 1e-4 + 1e-3·|expected| (DJL's float32 gradients were within 7e-7).
     */
    private void assertGradientsMatchFiniteDifferences(LanguageModel model, Map<String, HostArray> weights) {
        HostArray probe = probe();
        Map<String, HostArray> gradients = gradients(model, weights);
        Map<Parameter, ReferenceTensor> base = new IdentityHashMap<>();
        model.namedParameters().forEach((name, p) -> base.put(p, ReferenceTensor.of(weights.get(name))));
        double step = 1e-5;
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            int size = Math.toIntExact(p.size());
            for (int index : new int[] {0, size / 2, size - 1}) {
                double plus = referenceProbeLoss(model, perturbed(base, p, index, step), probe);
                double minus = referenceProbeLoss(model, perturbed(base, p, index, -step), probe);
                double expected = (plus - minus) / (2 * step);
                float actual = gradients.get(e.getKey()).floats()[index];
                assertThat((double) actual).as("d loss / d %s[%d]", e.getKey(), index)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4 + 1e-3 * Math.abs(expected)));
            }
        }
    }

    /** The backend's gradients of the probe loss, computed once per model. */
    private Map<String, HostArray> gradients(LanguageModel model, Map<String, HostArray> weights) {
        return gradientCache.computeIfAbsent(model, m -> ModelRunner.gradients(backend, m, weights, tokens, probe()));
    }

    @Test
    void reproducesPyTorchOnTheFixtureWeights() {
        HostArray fixtureTokens = ModelFixtures.tokens();
        Map<String, HostArray> lstmOut = ModelRunner.forward(backend::run, ModelFixtures.lstm(),
                ModelFixtures.lstmWeights(), fixtureTokens);
        assertClose(lstmOut.get(ModelRunner.LOGITS), ModelFixtures.lstmLogits(), "LSTM logits vs PyTorch");
        Map<String, HostArray> gptOut = ModelRunner.forward(backend::run, ModelFixtures.gpt(),
                ModelFixtures.gptWeights(), fixtureTokens);
        assertClose(gptOut.get(ModelRunner.LOGITS), ModelFixtures.gptLogits(), "GPT logits vs PyTorch");
        assertClose(gptOut.get(ModelOutput.HIDDEN_STATES), ModelFixtures.gptHiddenStates(),
                "GPT hidden states vs PyTorch");
    }

    // ---------------------------------------------------------------- the plain-Java reference

    /** The model's outputs computed by {@link ReferenceOps} in double precision, rounded to float. */
    static Map<String, HostArray> reference(LanguageModel model, Map<String, HostArray> weights, HostArray tokens) {
        return ModelRunner.forward(new ReferenceOps()::run, model, weights, tokens);
    }

    private double referenceProbeLoss(LanguageModel model, Map<Parameter, ReferenceTensor> weights, HostArray probe) {
        ReferenceOps ops = ReferenceOps.withDoubleWeights(weights);
        return ((ReferenceTensor) ModelRunner.probeLoss(ops, model, ops.constant(tokens), ops.constant(probe))).item();
    }

    private static Map<Parameter, ReferenceTensor> perturbed(Map<Parameter, ReferenceTensor> base, Parameter p,
            int index, double delta) {
        Map<Parameter, ReferenceTensor> copy = new IdentityHashMap<>(base);
        double[] values = base.get(p).values().clone();
        values[index] += delta;
        copy.put(p, ReferenceTensor.of(values, p.shape()));
        return copy;
    }

    /** Fixed pseudo-random weights (B, S, V) in [−1, 1) for the probe loss. */
    private static HostArray probe() {
        Mt19937 random = new Mt19937(5);
        float[] values = new float[B * S * V];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return HostArray.of(values, B, S, V);
    }

    static void assertClose(HostArray actual, HostArray expected, String what) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
        assertClose(actual, expected.floats(), what);
    }

    static void assertClose(HostArray actual, float[] expected, String what) {
        float[] a = actual.floats();
        assertThat(a).as(what + " size").hasSize(expected.length);
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= Math.abs(a[worst] - expected[worst]))) {
                worst = i;
            }
        }
        assertThat((double) a[worst]).as("%s at flat index %d (largest difference)", what, worst)
                .isCloseTo(expected[worst], org.assertj.core.data.Offset.offset(TOLERANCE));
    }

    private static float maxAbs(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
