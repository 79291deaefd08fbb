package org.polygrok.tf;

import org.polygrok.api.HostArray;
import org.polygrok.api.random.Mt19937;
import org.polygrok.api.train.Batch;

/** All p² equations "BOS a + b = r EOS" as one batch (PROTOCOL §1), small p for tests. */
final class ModularAddition {
    final int p;
    final int vocab;
    final int pad;

    ModularAddition(int p) {
        this.p = p;
        this.vocab = p + 5; // digits, +, =, BOS, EOS, PAD
        this.pad = p + 4;
    }

    /** Rows [from, to) of the p² equations in (a, b) order: inputs full[:-1], targets full[1:], RHS = r and EOS. */
    Batch batch(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows(rows);
    }

    /** The protocol's split (§1.4, §1.6): equations shuffled by RandomState(seed), first round(N·r) train. */
    Batch[] trainAndVal(long seed, double rTrain) {
        int[] order = new Mt19937(seed).permutation(p * p);
        int nTrain = (int) Math.rint(p * p * rTrain);
        return new Batch[] {rows(java.util.Arrays.copyOfRange(order, 0, nTrain)),
            rows(java.util.Arrays.copyOfRange(order, nTrain, order.length))};
    }

    /** The given equations (index a·p + b) as one batch. */
    Batch rows(int[] equations) {
        int n = equations.length;
        int[] tokens = new int[n * 6];
        int[] targets = new int[n * 6];
        float[] rhs = new float[n * 6];
        for (int row = 0; row < n; row++) {
            int a = equations[row] / p;
            int b = equations[row] % p;
            int[] full = {p + 2, a, p, b, p + 1, (a + b) % p, p + 3};
            for (int j = 0; j < 6; j++) {
                tokens[row * 6 + j] = full[j];
                targets[row * 6 + j] = full[j + 1];
                rhs[row * 6 + j] = j > 3 ? 1f : 0f; // eq_position 3: r and EOS count
            }
        }
        return new Batch(HostArray.ofInts(tokens, n, 6), HostArray.ofInts(targets, n, 6), HostArray.of(rhs, n, 6));
    }

    Batch all() {
        return batch(0, p * p);
    }
}
