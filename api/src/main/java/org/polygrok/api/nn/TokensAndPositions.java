package org.polygrok.api.nn;

import java.util.Arrays;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * The GPT's input: a token {@link Embedding} (child {@code tokens}) plus a fixed sinusoidal
 * position table (not a parameter). PE[pos, 2k] = sin(pos / 10000^(2k/d)), PE[pos, 2k+1] =
 * cos(pos / 10000^(2k/d)), computed in double (PROTOCOL §3, exponent 2k/d).
 */
public final class TokensAndPositions extends Module {
    private final Embedding tokens;
    private final int dim;
    private final int maxPositions;
    private final float[] table;

    public TokensAndPositions(int vocabSize, int dim, int maxPositions, int paddingId) {
        if (dim < 2 || dim % 2 != 0) {
            throw new IllegalArgumentException("sinusoidal positions need an even width, got d = " + dim);
        }
        if (maxPositions < 1) {
            throw new IllegalArgumentException("the number of positions must be positive, got " + maxPositions);
        }
        this.tokens = child("tokens", new Embedding(vocabSize, dim, paddingId));
        this.dim = dim;
        this.maxPositions = maxPositions;
        this.table = sinusoidalTable(maxPositions, dim);
    }

    /** The (positions, d) table, row-major: sin, cos, sin, cos, … along each row. */
    public static float[] sinusoidalTable(int positions, int dim) {
        float[] out = new float[positions * dim];
        for (int pos = 0; pos < positions; pos++) {
            for (int twoK = 0; twoK < dim; twoK += 2) {
                double angle = pos / Math.pow(10000.0, (double) twoK / dim);
                out[pos * dim + twoK] = (float) Math.sin(angle);
                out[pos * dim + twoK + 1] = (float) Math.cos(angle);
            }
        }
        return out;
    }

    /** INT32 tokens (B, S) -> token embedding + position table (B, S, d); S ≤ maxPositions. */
    public Tensor forward(Ops ops, Tensor ids) {
        int seq = Math.toIntExact(ids.shape()[ids.rank() - 1]);
        if (seq > maxPositions) {
            throw new IllegalArgumentException("the sequence has " + seq + " positions but the model was built for at most "
                    + maxPositions);
        }
        HostArray positions = HostArray.of(Arrays.copyOf(table, seq * dim), seq, dim); // (S, d)
        return ops.add(tokens.forward(ops, ids), ops.constant(positions)); // (B, S, d) + (S, d)
    }

    public Embedding tokens() {
        return tokens;
    }
}
