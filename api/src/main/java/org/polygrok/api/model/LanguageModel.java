package org.polygrok.api.model;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Module;

/** A next-token model written once on {@link Ops}: tokens (B, S) INT32 -> logits (B, S, V). */
public abstract class LanguageModel extends Module {

    public abstract ModelOutput forward(Ops ops, Tensor tokens);

    /**
     * The logits at positions first..S−1 only, (B, S − first, V): all the loss reads when no sample
     * scores an earlier position ({@link org.polygrok.api.train.Batch#firstScoredPosition}). Equal
     * to those rows of {@link #forward}; a model may compute less to get them.
     */
    public Tensor scoredLogits(Ops ops, Tensor tokens, int first) {
        checkFirstScored(tokens, first);
        Tensor logits = forward(ops, tokens).logits(); // (B, S, V)
        return first == 0 ? logits : ops.slice(logits, 1, first, logits.shape()[1]); // (B, S − first, V)
    }

    /** The tokens, if shaped (B, S). */
    protected static Tensor checkTokens(Tensor tokens) {
        if (tokens.rank() != 2) {
            throw new IllegalArgumentException("a language model reads tokens shaped (batch, sequence), got rank "
                    + tokens.rank());
        }
        return tokens;
    }

    /** Fails unless tokens are (B, S) and {@code 0 ≤ first < S}. */
    protected static void checkFirstScored(Tensor tokens, int first) {
        checkTokens(tokens);
        if (first < 0 || first >= tokens.shape()[1]) {
            throw new IllegalArgumentException("the first scored position must lie in [0, " + tokens.shape()[1]
                    + "), got " + first);
        }
    }

    /** Vocabulary size V. */
    public abstract int vocabSize();

    /** Parameters without the token embedding (the protocol's P). */
    public abstract long parameterCountWithoutEmbeddings();
}
