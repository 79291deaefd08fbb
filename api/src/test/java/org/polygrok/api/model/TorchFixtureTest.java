package org.polygrok.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.tck.ModelFixtures;
import org.polygrok.api.tck.reference.ReferenceOps;

/**
 * Our LSTMLM and GPT, run in plain Java ({@link ReferenceOps}, double precision) on weights
 * written by the PyTorch reference, reproduce PyTorch's outputs to 1e-4.
 */
class TorchFixtureTest {

    @Test
    void lstmReproducesPyTorch() {
        LSTMLM model = ModelFixtures.lstm();
        ModelOutput out = model.forward(ops(model, ModelFixtures.lstmWeights()), tokens(model));
        assertThat(out.logits().shape()).containsExactly(3, 6, 36);
        assertThat(out.logits().toFloatArray()).containsExactly(ModelFixtures.lstmLogits(), within(1e-4f));
    }

    @Test
    void gptReproducesPyTorch() {
        GPT model = ModelFixtures.gpt();
        ModelOutput out = model.forward(ops(model, ModelFixtures.gptWeights()), tokens(model));
        assertThat(out.logits().toFloatArray()).containsExactly(ModelFixtures.gptLogits(), within(1e-4f));
        assertThat(out.internals().get(ModelOutput.HIDDEN_STATES).shape()).containsExactly(3, 3, 6, 8);
        assertThat(out.internals().get(ModelOutput.HIDDEN_STATES).toFloatArray())
                .containsExactly(ModelFixtures.gptHiddenStates(), within(1e-4f));
    }

    @Test
    void outputsDependOnTheWeightsSoTheComparisonCanFail() {
        GPT model = ModelFixtures.gpt();
        Map<String, HostArray> weights = ModelFixtures.gptWeights();
        float[] bias = weights.get("classifier.bias").floats().clone();
        bias[0] += 1e-3f;
        weights.put("classifier.bias", HostArray.of(bias, bias.length));
        float[] logits = model.forward(ops(model, weights), tokens(model)).logits().toFloatArray();
        assertThat(logits[0] - ModelFixtures.gptLogits()[0]).isCloseTo(1e-3f, within(1e-5f));
    }

    @Test
    void gptRejectsSequencesLongerThanItsPositionTable() {
        GPT model = ModelFixtures.gpt();
        ReferenceOps ops = ops(model, ModelFixtures.gptWeights());
        org.polygrok.api.Tensor tooLong = ops.constant(HostArray.ofInts(new int[7], 1, 7));
        assertThatThrownBy(() -> model.forward(ops, tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sequence has 7 positions but the model was built for at most 6");
    }

    private static ReferenceOps ops(LanguageModel model, Map<String, HostArray> weights) {
        Map<Parameter, HostArray> byParameter = new IdentityHashMap<>();
        model.namedParameters().forEach((name, p) -> byParameter.put(p, weights.get(name)));
        return new ReferenceOps(byParameter);
    }

    private static org.polygrok.api.Tensor tokens(LanguageModel model) {
        return new ReferenceOps().constant(ModelFixtures.tokens());
    }
}
