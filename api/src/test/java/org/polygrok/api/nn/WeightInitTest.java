package org.polygrok.api.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.api.random.Mt19937;

class WeightInitTest {

    @Test
    void drawsEveryParameterInNameOrderFromOneGenerator() {
        LSTMLM model = new LSTMLM(new LstmConfig(5, 3, 1, 4));
        LinkedHashMap<String, HostArray> weights = WeightInit.initialWeights(model, 11);
        assertThat(weights.keySet()).containsExactlyElementsOf(model.namedParameters().keySet());

        Mt19937 random = new Mt19937(11);
        float[] table = new float[15];
        Init.standardNormalWithZeroRow(4).fill(table, new long[] {5, 3}, random);
        float[] firstGate = new float[18];
        Init.xavierUniform().fill(firstGate, new long[] {3, 6}, random);
        float[] secondGate = new float[18];
        Init.xavierUniform().fill(secondGate, new long[] {3, 6}, random); // the zero bias between draws nothing
        assertThat(weights.get("embedding.weight").floats()).containsExactly(table);
        assertThat(weights.get("lstm.layers.0.input_gate.weight").floats()).containsExactly(firstGate);
        assertThat(weights.get("lstm.layers.0.forget_gate.weight").floats()).containsExactly(secondGate);
        assertThat(weights.get("lstm.layers.0.input_gate.bias").floats()).containsOnly(0f);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        GPT model = new GPT(new GptConfig(16, 8, 2, 2, 4, 6, 15));
        Map<String, HostArray> a = WeightInit.initialWeights(model, 42);
        Map<String, HostArray> b = WeightInit.initialWeights(new GPT(new GptConfig(16, 8, 2, 2, 4, 6, 15)), 42);
        Map<String, HostArray> c = WeightInit.initialWeights(model, 0);
        assertThat(a).isEqualTo(b);
        assertThat(a.get("classifier.weight")).isNotEqualTo(c.get("classifier.weight"));
    }

    @Test
    void defaultGptFollowsTheProtocolsDistributions() {
        GPT model = new GPT(GptConfig.defaults(36, 6));
        Map<String, HostArray> w = WeightInit.initialWeights(model, 42);
        float[] table = w.get("embedding.tokens.weight").floats();
        assertThat(java.util.Arrays.copyOfRange(table, 35 * 128, 36 * 128)).containsOnly(0f);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 35 * 128; i++) {
            sum += table[i];
            squares += table[i] * table[i];
        }
        int n = 35 * 128;
        assertThat(sum / n).isBetween(-0.05, 0.05);
        assertThat(Math.sqrt(squares / n - (sum / n) * (sum / n))).isBetween(0.95, 1.05);
        assertThat((double) InitTest.maxAbs(w.get("decoder.blocks.0.ffn.2.weight").floats()))
                .isLessThanOrEqualTo(1 / Math.sqrt(512)).isGreaterThan(0.99 / Math.sqrt(512));
        assertThat((double) InitTest.maxAbs(w.get("decoder.blocks.1.self_attn.W_O.bias").floats()))
                .isLessThanOrEqualTo(1 / Math.sqrt(128)).isGreaterThan(0.9 / Math.sqrt(128));
        assertThat(w.get("decoder.blocks.1.ffn_norm.weight").floats()).containsOnly(1f);
        assertThat(w.get("decoder.blocks.1.ffn_norm.bias").floats()).containsOnly(0f);
    }

    @Test
    void validateAcceptsAFittingSetAndNamesEveryProblem() {
        LSTMLM model = new LSTMLM(new LstmConfig(5, 3, 1, 4));
        Map<String, HostArray> weights = new LinkedHashMap<>(WeightInit.initialWeights(model, 1));
        WeightInit.validate(model, weights);

        weights.remove("classifier.bias");
        weights.put("lstm.layers.0.output_gate.weight", HostArray.zeros(6, 3));
        weights.put("decoder.blocks.0.ffn.0.weight", HostArray.zeros(2, 2));
        weights.put("embedding.weight", HostArray.ofInts(new int[15], 5, 3));
        assertThatThrownBy(() -> WeightInit.validate(model, weights))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [classifier.bias]")
                .hasMessageContaining("unexpected [decoder.blocks.0.ffn.0.weight]")
                .hasMessageContaining("lstm.layers.0.output_gate.weight has shape [6, 3] instead of [3, 6]")
                .hasMessageContaining("embedding.weight is INT32");
    }
}
