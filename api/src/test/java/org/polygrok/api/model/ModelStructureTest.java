package org.polygrok.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polygrok.api.nn.Parameter;

class ModelStructureTest {

    /** PROTOCOL §8, Q5: non-embedding P at V = 36. */
    @ParameterizedTest(name = "L={0} d={1}")
    @CsvSource({
        "1, 64, 35364, 52004",
        "1, 128, 136228, 202276",
        "1, 256, 534564, 797732",
        "2, 64, 68388, 101668",
        "2, 128, 267812, 399908",
        "2, 256, 1059876, 1586212",
        "3, 64, 101412, 151332",
        "3, 128, 399396, 597540",
        "3, 256, 1585188, 2374692"})
    void parameterCountsMatchTheQ5Table(int layers, int dim, long lstmP, long gptP) {
        LSTMLM lstm = new LSTMLM(new LstmConfig(36, dim, layers, 35));
        GPT gpt = new GPT(new GptConfig(36, dim, layers, 4, 4, 6, 35));
        assertThat(lstm.parameterCountWithoutEmbeddings()).isEqualTo(lstmP);
        assertThat(gpt.parameterCountWithoutEmbeddings()).isEqualTo(gptP);
        assertThat(lstmP).isEqualTo(layers * (8L * dim * dim + 4L * dim) + dim * 36L + 36);
        assertThat(gptP).isEqualTo(layers * (12L * dim * dim + 8L * dim) + dim * 36L + 36);
    }

    @Test
    void defaultModelsHaveTheProtocolsCounts() {
        LSTMLM lstm = new LSTMLM(LstmConfig.defaults(36));
        GPT gpt = new GPT(GptConfig.defaults(36, 6));
        assertThat(lstm.parameterCountWithoutEmbeddings()).isEqualTo(267_812);
        assertThat(lstm.parameterCount()).isEqualTo(272_420);
        assertThat(gpt.parameterCountWithoutEmbeddings()).isEqualTo(399_908);
        assertThat(gpt.parameterCount()).isEqualTo(404_516);
        assertThat(lstm.vocabSize()).isEqualTo(36);
        assertThat(gpt.vocabSize()).isEqualTo(36);
    }

    @Test
    void lstmNamesAndShapesAreTheReferenceStateDictInTorchOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("embedding.weight", "[36, 128]");
        for (int i = 0; i < 2; i++) {
            for (String gate : List.of("input_gate", "forget_gate", "output_gate", "candidate_cell")) {
                expected.put("lstm.layers." + i + "." + gate + ".weight", "[128, 256]");
                expected.put("lstm.layers." + i + "." + gate + ".bias", "[128]");
            }
        }
        expected.put("classifier.weight", "[36, 128]");
        expected.put("classifier.bias", "[36]");
        assertThat(shapes(new LSTMLM(LstmConfig.defaults(36)))).containsExactlyEntriesOf(expected);
    }

    @Test
    void gptNamesAndShapesAreTheReferenceStateDictInTorchOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("embedding.tokens.weight", "[36, 128]");
        for (int i = 0; i < 2; i++) {
            String block = "decoder.blocks." + i + ".";
            for (String w : List.of("W_Q", "W_K", "W_V", "W_O")) {
                expected.put(block + "self_attn." + w + ".weight", "[128, 128]");
                expected.put(block + "self_attn." + w + ".bias", "[128]");
            }
            expected.put(block + "self_attn_norm.weight", "[128]");
            expected.put(block + "self_attn_norm.bias", "[128]");
            expected.put(block + "ffn.0.weight", "[512, 128]");
            expected.put(block + "ffn.2.weight", "[128, 512]");
            expected.put(block + "ffn_norm.weight", "[128]");
            expected.put(block + "ffn_norm.bias", "[128]");
        }
        expected.put("classifier.weight", "[36, 128]");
        expected.put("classifier.bias", "[36]");
        assertThat(shapes(new GPT(GptConfig.defaults(36, 6)))).containsExactlyEntriesOf(expected);
    }

    @Test
    void invalidConfigsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new GptConfig(36, 130, 2, 4, 4, 6, 35))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heads must divide the width");
        assertThatThrownBy(() -> new GptConfig(36, 9, 2, 3, 4, 6, 35))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be even");
        assertThatThrownBy(() -> new GptConfig(36, 128, 0, 4, 4, 6, 35))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new GptConfig(36, 128, 2, 4, 4, 6, 36))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PAD id");
        assertThatThrownBy(() -> new LstmConfig(36, -1, 2, 35))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d = -1");
        assertThatThrownBy(() -> new LstmConfig(36, 8, 2, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PAD id");
    }

    private static Map<String, String> shapes(LanguageModel model) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            out.put(e.getKey(), java.util.Arrays.toString(e.getValue().shape()));
        }
        return out;
    }
}
