package org.polygrok.experiments.data;

import java.util.Arrays;
import java.util.List;
import org.polygrok.api.random.Mt19937;

/**
 * The reference's {@code get_arithmetic_dataset} (PROTOCOL §1): every equation of a spec as
 * {@code BOS … EOS} rows (right-padded with PAD when orders are mixed), shuffled once with numpy's
 * {@code RandomState(seed).shuffle}, then split into train and validation sets.
 */
public final class ArithmeticDataset {
    private final DatasetSpec spec;
    private final Vocabulary vocabulary;
    private final int[][] rows;        // (N, full length) token ids in shuffled order
    private final int[] eqPositions;   // (N,) index in the target row whose token is "="
    private final int[] trainRows;
    private final int[] valRows;

    private ArithmeticDataset(DatasetSpec spec) {
        this.spec = spec;
        this.vocabulary = new Vocabulary(spec.p(), spec.operator());
        List<String[]> equations = Equations.generate(spec.p(), spec.operator(), spec.orders());
        int n = equations.size();
        int[] order = new Mt19937(spec.seed()).permutation(n); // shuffling indices = shuffling the list
        int fullLength = equations.stream().mapToInt(e -> e.length).max().orElseThrow() + 2;
        this.rows = new int[n][];
        this.eqPositions = new int[n];
        for (int k = 0; k < n; k++) {
            String[] eq = equations.get(order[k]);
            int[] row = new int[fullLength];
            Arrays.fill(row, vocabulary.padId());
            row[0] = vocabulary.bosId();
            for (int i = 0; i < eq.length; i++) {
                row[i + 1] = vocabulary.id(eq[i]);
                if (eq[i].equals(Vocabulary.EQUALS)) {
                    eqPositions[k] = i; // "=" sits in column i + 1 of the full row
                }
            }
            row[eq.length + 1] = vocabulary.eosId();
            rows[k] = row;
        }
        int[][] split = spec.split() == SplitRule.PER_ORDER ? perOrderSplit() : plainSplit(n, spec.rTrain());
        this.trainRows = split[0];
        this.valRows = split[1];
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("r_train " + spec.rTrain() + " leaves no training equation out of " + n);
        }
        if (valRows.length == 0) {
            throw new IllegalArgumentException("r_train " + spec.rTrain() + " leaves no validation equation in the "
                    + spec.split().label() + " split");
        }
    }

    /** Builds the dataset; fails with one sentence when the split would leave a set empty. */
    public static ArithmeticDataset build(DatasetSpec spec) {
        return new ArithmeticDataset(spec);
    }

    /** Python's {@code round(n · r)}: round half to even. */
    public static int trainCount(int n, double rTrain) {
        return (int) Math.rint(n * rTrain);
    }

    /** First round(N·r) rows train, the rest validate; when that is all rows, val is the last row alone. */
    static int[][] plainSplit(int n, double rTrain) {
        int nTrain = trainCount(n, rTrain);
        int[] train = range(0, nTrain);
        int[] val = nTrain == n ? range(n - 1, n) : range(nTrain, n);
        return new int[][] {train, val};
    }

    /** PROTOCOL §1.7: each order group (binary, then ternary) shuffled by a fresh RandomState(seed), split at r_train. */
    private int[][] perOrderSplit() {
        int[] train = new int[0];
        int[] val = new int[0];
        for (int eqPosition : new int[] {SampleSet.BINARY_EQ_POSITION, SampleSet.TERNARY_EQ_POSITION}) {
            int[] group = java.util.stream.IntStream.range(0, rows.length)
                    .filter(i -> eqPositions[i] == eqPosition).toArray(); // ascending
            new Mt19937(spec.seed()).shuffle(group);
            int nTrain = trainCount(group.length, spec.rTrain());
            train = concat(train, Arrays.copyOfRange(group, 0, nTrain));
            val = concat(val, Arrays.copyOfRange(group, nTrain, group.length));
        }
        return new int[][] {train, val};
    }

    public DatasetSpec spec() {
        return spec;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Number of equations before the split. */
    public int size() {
        return rows.length;
    }

    /** Model sequence length S = full row length − 1. */
    public int sequenceLength() {
        return rows[0].length - 1;
    }

    /** Every shuffled row as a set (the reference's dataset before splitting). */
    public SampleSet all() {
        return new SampleSet(vocabulary, rows, eqPositions, range(0, rows.length));
    }

    public SampleSet train() {
        return new SampleSet(vocabulary, rows, eqPositions, trainRows);
    }

    public SampleSet validation() {
        return new SampleSet(vocabulary, rows, eqPositions, valRows);
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
