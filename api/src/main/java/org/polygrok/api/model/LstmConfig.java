package org.polygrok.api.model;

/**
 * The LSTM language model's sizes (PROTOCOL §2): vocabulary V, embedding = hidden width d,
 * L layers, the PAD token id.
 */
public record LstmConfig(int vocabSize, int dim, int layers, int padId) {
    public LstmConfig {
        if (vocabSize < 1 || dim < 1 || layers < 1) {
            throw new IllegalArgumentException("the LSTM needs a positive vocabulary size, width and layer count, got V = "
                    + vocabSize + ", d = " + dim + ", L = " + layers);
        }
        if (padId < 0 || padId >= vocabSize) {
            throw new IllegalArgumentException("the PAD id must be a token id in [0, " + vocabSize + "), got " + padId);
        }
    }

    /** The protocol's default LSTM (L = 2, d = 128) for a vocabulary of V tokens whose last is PAD. */
    public static LstmConfig defaults(int vocabSize) {
        return new LstmConfig(vocabSize, 128, 2, vocabSize - 1);
    }
}
