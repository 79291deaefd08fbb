package org.polygrok.plotting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads attention.json (Q8) and checks every sample's weights are (L, H, S, S) with S = its token count. */
final class AttentionReader {

    private AttentionReader() {
    }

    static AttentionMaps read(Path file) {
        JsonNode root = Json.read(file);
        int layers = (int) Json.integer(root, "layers");
        int heads = (int) Json.integer(root, "heads");
        List<AttentionMaps.Sample> samples = new ArrayList<>();
        JsonNode list = root.get("samples");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(file + " has no samples");
        }
        for (JsonNode s : list) {
            List<String> tokens = Json.texts(s, "tokens");
            double[][][][] w = Json.MAPPER.convertValue(s.get("attentions"), double[][][][].class);
            checkShape(file, samples.size(), w, layers, heads, tokens.size());
            samples.add(new AttentionMaps.Sample(tokens, w));
        }
        return new AttentionMaps(Json.text(root, "model_trial"), Json.text(root, "backend"), layers, heads, samples);
    }

    private static void checkShape(Path file, int sample, double[][][][] w, int layers, int heads, int s) {
        boolean ok = w != null && w.length == layers && layers > 0;
        for (int l = 0; ok && l < layers; l++) {
            ok = w[l].length == heads;
            for (int h = 0; ok && h < heads; h++) {
                ok = w[l][h].length == s;
                for (int q = 0; ok && q < s; q++) {
                    ok = w[l][h][q].length == s;
                }
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(file + ": sample " + sample + " attentions must be "
                    + layers + " layers x " + heads + " heads x " + s + " x " + s + " (S = number of tokens)");
        }
    }
}
