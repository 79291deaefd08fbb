package org.polygrok.nd4j;

import org.polygrok.api.HostArray;
import org.polygrok.api.random.Mt19937;
import org.polygrok.api.train.Batch;

/**
 * The protocol's default data (PROTOCOL §1): "BOS a + b = r EOS" mod 31, shuffled once with
 * numpy's RandomState(seed), split 480 / 481; inputs are the first 6 tokens, targets the last 6,
 * and the loss counts the two positions after "=" (r and EOS).
 */
final class DefaultTask {
    static final int P = 31;
    static final int VOCAB = P + 5;
    static final int SEQUENCE = 6;
    private static final int PLUS = P;
    private static final int EQUALS = P + 1;
    private static final int BOS = P + 2;
    private static final int EOS = P + 3;

    private final Batch train;
    private final Batch validation;

    DefaultTask(long seed) {
        int n = P * P;
        int[] order = new Mt19937(seed).permutation(n);
        int trainCount = (int) Math.rint(n * 0.5);
        this.train = batch(order, 0, trainCount);
        this.validation = batch(order, trainCount, n);
    }

    Batch train() {
        return train;
    }

    Batch validation() {
        return validation;
    }

    private static Batch batch(int[] order, int from, int to) {
        int b = to - from;
        int[] tokens = new int[b * SEQUENCE];
        int[] targets = new int[b * SEQUENCE];
        float[] rhs = new float[b * SEQUENCE];
        for (int i = 0; i < b; i++) {
            int a = order[from + i] / P;
            int c = order[from + i] % P;
            int[] full = {BOS, a, PLUS, c, EQUALS, (a + c) % P, EOS};
            for (int j = 0; j < SEQUENCE; j++) {
                tokens[i * SEQUENCE + j] = full[j];
                targets[i * SEQUENCE + j] = full[j + 1];
                rhs[i * SEQUENCE + j] = j > 3 ? 1 : 0; // after "=" (position 3 of the targets)
            }
        }
        return new Batch(HostArray.ofInts(tokens, b, SEQUENCE), HostArray.ofInts(targets, b, SEQUENCE),
                HostArray.of(rhs, b, SEQUENCE));
    }
}
