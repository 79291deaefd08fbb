package org.polygrok.api.tck;

import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.random.Mt19937;
import org.polygrok.api.train.Batch;

/**
 * The fixed problem the training contracts use: {@link TinyLanguageModel} (V 8, d 4), seeded
 * weights, and one batch of B 5 sequences of S 4 with different RHS masks. The head bias favours
 * token 3 and sample 1's RHS targets are all 3, so its accuracy starts at 1 while the others' are 0.
 */
public final class TinyTask {
    public static final int VOCAB = 8;
    public static final int DIM = 4;
    public static final int BATCH = 5;
    public static final int SEQUENCE = 4;
    static final int FAVOURED_TOKEN = 3;

    private TinyTask() {
    }

    public static TinyLanguageModel model() {
        return new TinyLanguageModel(VOCAB, DIM);
    }

    /** Seeded weights of {@code model}, with a head bias of 6 on the favoured token. */
    public static Map<String, HostArray> weights(TinyLanguageModel model, long seed) {
        Map<String, HostArray> w = new java.util.LinkedHashMap<>(model.initialWeights(seed));
        float[] bias = w.get("head.bias").toFloatArray();
        bias[FAVOURED_TOKEN] = 6f;
        w.put("head.bias", HostArray.of(bias, VOCAB));
        return w;
    }

    public static Batch batch() {
        Mt19937 random = new Mt19937(7);
        int[] tokens = new int[BATCH * SEQUENCE];
        int[] targets = new int[BATCH * SEQUENCE];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (int) random.nextBounded(VOCAB - 1);
            targets[i] = (int) random.nextBounded(VOCAB - 1);
        }
        float[] rhs = {
            0, 1, 1, 1,
            0, 0, 1, 1,
            0, 0, 1, 1,
            0, 0, 0, 1,
            1, 1, 1, 1};
        targets[1 * SEQUENCE + 2] = FAVOURED_TOKEN;
        targets[1 * SEQUENCE + 3] = FAVOURED_TOKEN;
        targets[2 * SEQUENCE + 3] = FAVOURED_TOKEN;
        return new Batch(HostArray.ofInts(tokens, BATCH, SEQUENCE), HostArray.ofInts(targets, BATCH, SEQUENCE),
                HostArray.of(rhs, BATCH, SEQUENCE));
    }
}
