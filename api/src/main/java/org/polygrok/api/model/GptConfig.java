package org.polygrok.api.model;

/**
 * The GPT's sizes (PROTOCOL §3): vocabulary V, width d, L blocks, H heads, feed-forward
 * multiplier, the longest sequence (rows of the position table), the PAD token id.
 */
public record GptConfig(int vocabSize, int dim, int layers, int heads, int multiplier, int maxPositions,
        int padId) {
    public GptConfig {
        if (vocabSize < 1 || dim < 1 || layers < 1 || heads < 1 || multiplier < 1 || maxPositions < 1) {
            throw new IllegalArgumentException("every GPT size must be positive, got V = " + vocabSize + ", d = " + dim
                    + ", L = " + layers + ", H = " + heads + ", multiplier = " + multiplier + ", positions = "
                    + maxPositions);
        }
        if (dim % 2 != 0) {
            throw new IllegalArgumentException("the GPT width d must be even for sinusoidal positions, got " + dim);
        }
        if (dim % heads != 0) {
            throw new IllegalArgumentException("the number of heads must divide the width, got d = " + dim + " and H = "
                    + heads);
        }
        if (padId < 0 || padId >= vocabSize) {
            throw new IllegalArgumentException("the PAD id must be a token id in [0, " + vocabSize + "), got " + padId);
        }
    }

    /** The protocol's default GPT (L = 2, d = 128, H = 4, multiplier 4) for V tokens whose last is PAD. */
    public static GptConfig defaults(int vocabSize, int maxPositions) {
        return new GptConfig(vocabSize, 128, 2, 4, 4, maxPositions, vocabSize - 1);
    }
}
