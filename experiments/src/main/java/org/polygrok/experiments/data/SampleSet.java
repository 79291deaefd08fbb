package org.polygrok.experiments.data;

import org.polygrok.api.HostArray;
import org.polygrok.api.train.Batch;

/**
 * Some rows of a dataset, in a fixed order, as the reference's samples (PROTOCOL §1.5): inputs =
 * full[:-1], targets = full[1:], eq_position, mask = fullMask[:-1] (aligned to the inputs).
 */
public final class SampleSet {
    /** eq_position of an order-2 sample. */
    public static final int BINARY_EQ_POSITION = 3;
    /** eq_position of an order-3 sample. */
    public static final int TERNARY_EQ_POSITION = 5;

    private final Vocabulary vocabulary;
    private final int[][] rows;
    private final int[] eqPositions;
    private final int[] members; // indices into rows, in this set's order

    SampleSet(Vocabulary vocabulary, int[][] rows, int[] eqPositions, int[] members) {
        this.vocabulary = vocabulary;
        this.rows = rows;
        this.eqPositions = eqPositions;
        this.members = members;
    }

    public int size() {
        return members.length;
    }

    /** S: the length of inputs and targets. */
    public int sequenceLength() {
        return rows[0].length - 1;
    }

    /** Index of sample {@code i} in the shuffled list of all equations. */
    public int rowIndex(int i) {
        return members[i];
    }

    public int[] inputs(int i) {
        return java.util.Arrays.copyOfRange(rows[members[i]], 0, sequenceLength());
    }

    public int[] targets(int i) {
        return java.util.Arrays.copyOfRange(rows[members[i]], 1, sequenceLength() + 1);
    }

    public int eqPosition(int i) {
        return eqPositions[members[i]];
    }

    /** Operation order of sample {@code i}: 2 or 3. */
    public int order(int i) {
        return eqPosition(i) == BINARY_EQ_POSITION ? 2 : 3;
    }

    /** The reference's input-aligned mask: 1 where the input token is not PAD. */
    public int[] mask(int i) {
        int[] in = inputs(i);
        int[] m = new int[in.length];
        for (int j = 0; j < in.length; j++) {
            m[j] = in[j] == vocabulary.padId() ? 0 : 1;
        }
        return m;
    }

    /** 1 at the target positions that count in the loss under {@code rule} (PROTOCOL §4), else 0. */
    public float[] rhsWeights(int i, MaskRule rule) {
        int[] targets = targets(i);
        int[] mask = mask(i);
        int eq = eqPosition(i);
        float[] w = new float[targets.length];
        for (int j = eq + 1; j < targets.length; j++) {
            boolean counts = rule == MaskRule.LEGACY ? mask[j] == 1 : targets[j] != vocabulary.padId();
            w[j] = counts ? 1f : 0f;
        }
        return w;
    }

    /** The full equation without PAD, e.g. {@code BOS 11 + 3 = 14 EOS}. */
    public String text(int i) {
        return vocabulary.decode(rows[members[i]]);
    }

    /** Samples {@code positions} (indices into this set) as one batch. */
    public Batch batch(int[] positions, MaskRule rule) {
        int b = positions.length;
        int s = sequenceLength();
        int[] tokens = new int[b * s];
        int[] targets = new int[b * s];
        float[] weights = new float[b * s];
        for (int k = 0; k < b; k++) {
            System.arraycopy(inputs(positions[k]), 0, tokens, k * s, s);
            System.arraycopy(targets(positions[k]), 0, targets, k * s, s);
            System.arraycopy(rhsWeights(positions[k], rule), 0, weights, k * s, s);
        }
        return new Batch(HostArray.ofInts(tokens, b, s), HostArray.ofInts(targets, b, s),
                HostArray.of(weights, b, s)); // each (B, S)
    }

    /** Samples [from, to) of this set as one batch. */
    public Batch batch(int from, int to, MaskRule rule) {
        return batch(java.util.stream.IntStream.range(from, to).toArray(), rule);
    }
}
