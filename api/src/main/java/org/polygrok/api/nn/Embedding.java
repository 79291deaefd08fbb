package org.polygrok.api.nn;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * A token embedding table (V, d) with a padding row, as torch's nn.Embedding with padding_idx:
 * initialised N(0, 1) with the padding row zeroed; at padding positions the output is zero and the
 * padding row receives no gradient. Parameter {@code weight}.
 *
 * <p>The lookup is {@link Ops#embedding}; its composed form is engine-neutral (the gathered rows
 * multiplied by (ids ≠ PAD), a constant), so no engine needs a special "padding_idx" feature.
 */
public final class Embedding extends Module {
    private final int vocabSize;
    private final int dim;
    private final int paddingId;
    private final Parameter weight;

    public Embedding(int vocabSize, int dim, int paddingId) {
        if (vocabSize < 1 || dim < 1) {
            throw new IllegalArgumentException("an embedding needs a positive vocabulary size and width, got "
                    + vocabSize + " x " + dim);
        }
        if (paddingId < 0 || paddingId >= vocabSize) {
            throw new IllegalArgumentException("the padding id " + paddingId + " is not a token id in [0, "
                    + vocabSize + ")");
        }
        this.vocabSize = vocabSize;
        this.dim = dim;
        this.paddingId = paddingId;
        this.weight = parameter("weight", new long[] {vocabSize, dim}, Init.standardNormalWithZeroRow(paddingId));
    }

    /** INT32 ids (...) -> (..., d), zero at padding positions. */
    public Tensor forward(Ops ops, Tensor ids) {
        return ops.embedding(ops.param(weight), ids, paddingId); // (...) -> (..., d)
    }

    public int vocabSize() {
        return vocabSize;
    }

    public int dim() {
        return dim;
    }

    public int paddingId() {
        return paddingId;
    }

    public Parameter weight() {
        return weight;
    }
}
