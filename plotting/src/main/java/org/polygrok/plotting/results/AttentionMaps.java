package org.polygrok.plotting.results;

import java.util.List;

/**
 * {@code attention.json} (Q8): the attention weights of a trained GPT on a few samples. Each sample's
 * {@code weights} is indexed [layer][head][query position][key position].
 */
public record AttentionMaps(String modelTrial, String backend, int layers, int heads, List<Sample> samples) {

    public AttentionMaps {
        samples = List.copyOf(samples);
    }

    /** One input sequence and its attention weights, (L, H, S, S). */
    public record Sample(List<String> tokens, double[][][][] weights) {

        public Sample {
            tokens = List.copyOf(tokens);
        }
    }
}
