package org.polygrok.api.tck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import org.polygrok.api.HostArray;
import org.polygrok.api.io.SafeTensors;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LstmConfig;

/**
 * The PyTorch fixture of the conformance kit: initial weights of both reference models
 * (V = 36, d = 8, L = 2, H = 2, S = 6, PAD = 35) written by /work/shared/bench/torch_baseline.py
 * (seed 42), and the reference models' float32 outputs on three fixed token rows (one with PAD
 * tokens): LSTM logits, GPT logits and GPT hidden states, row-major.
 */
public final class ModelFixtures {
    public static final String LSTM_WEIGHTS = "torch_d8_l2_h2_lstm.safetensors";
    public static final String GPT_WEIGHTS = "torch_d8_l2_h2_gpt.safetensors";
    public static final String EXPECTED = "torch_d8_l2_h2_expected.json";

    private static final JsonNode EXPECTED_JSON = readJson(EXPECTED);

    private ModelFixtures() {
    }

    public static LstmConfig lstmConfig() {
        return new LstmConfig(intField("vocab_size"), intField("dim"), intField("layers"), intField("pad_id"));
    }

    public static GptConfig gptConfig() {
        return new GptConfig(intField("vocab_size"), intField("dim"), intField("layers"), intField("heads"), 4,
                intField("max_positions"), intField("pad_id"));
    }

    public static LSTMLM lstm() {
        return new LSTMLM(lstmConfig());
    }

    public static GPT gpt() {
        return new GPT(gptConfig());
    }

    public static LinkedHashMap<String, HostArray> lstmWeights() {
        return safetensors(LSTM_WEIGHTS);
    }

    public static LinkedHashMap<String, HostArray> gptWeights() {
        return safetensors(GPT_WEIGHTS);
    }

    /** The fixed input tokens (3, 6), INT32. */
    public static HostArray tokens() {
        JsonNode rows = EXPECTED_JSON.get("tokens");
        int b = rows.size();
        int s = rows.get(0).size();
        int[] ids = new int[b * s];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < s; j++) {
                ids[i * s + j] = rows.get(i).get(j).asInt();
            }
        }
        return HostArray.ofInts(ids, b, s);
    }

    /** PyTorch's LSTM logits (3, 6, 36) on {@link #tokens()}. */
    public static float[] lstmLogits() {
        return floats("lstm_logits");
    }

    /** PyTorch's GPT logits (3, 6, 36) on {@link #tokens()}. */
    public static float[] gptLogits() {
        return floats("gpt_logits");
    }

    /** PyTorch's GPT hidden states (3, L+1 = 3, 6, 8) on {@link #tokens()}. */
    public static float[] gptHiddenStates() {
        return floats("gpt_hidden_states");
    }

    /** A class-path resource of this package, as bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = ModelFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing next to " + ModelFixtures.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LinkedHashMap<String, HostArray> safetensors(String name) {
        try {
            return SafeTensors.decode(resource(name), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String name) {
        try {
            return new ObjectMapper().readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intField(String name) {
        return EXPECTED_JSON.get(name).asInt();
    }

    private static float[] floats(String field) {
        JsonNode array = EXPECTED_JSON.get(field);
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
