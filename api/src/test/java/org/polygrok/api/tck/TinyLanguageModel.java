package org.polygrok.api.tck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.random.Mt19937;

/**
 * A test-only language model small enough for finite-difference gradients (92 weights at V 8,
 * d 4): embedding, a tanh Linear, a mean over positions added back, a Linear classifier.
 * Its one internal, "hidden_states" (B, 2, S, d), stacks the embeddings and the last hidden layer.
 */
public final class TinyLanguageModel extends LanguageModel {
    private final int vocab;
    private final int dim;
    private final Parameter embedding;
    private final Parameter mixWeight;
    private final Parameter mixBias;
    private final Parameter headWeight;
    private final Parameter headBias;

    public TinyLanguageModel(int vocab, int dim) {
        this.vocab = vocab;
        this.dim = dim;
        this.embedding = parameter("embedding.weight", new long[] {vocab, dim}, TinyLanguageModel::uniform);
        this.mixWeight = parameter("mix.weight", new long[] {dim, dim}, TinyLanguageModel::uniform);
        this.mixBias = parameter("mix.bias", new long[] {dim}, TinyLanguageModel::uniform);
        this.headWeight = parameter("head.weight", new long[] {vocab, dim}, TinyLanguageModel::uniform);
        this.headBias = parameter("head.bias", new long[] {vocab}, TinyLanguageModel::uniform);
    }

    private static void uniform(float[] values, long[] shape, Mt19937 random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
    }

    /** Weights from the parameters' initialisers, drawn in parameter order from one generator. */
    public Map<String, HostArray> initialWeights(long seed) {
        Mt19937 random = new Mt19937(seed);
        Map<String, HostArray> out = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> {
            float[] v = new float[Math.toIntExact(p.size())];
            p.initializer().fill(v, p.shape(), random);
            out.put(name, HostArray.of(v, p.shape()));
        });
        return out;
    }

    @Override
    public ModelOutput forward(Ops ops, Tensor tokens) {
        Tensor x = ops.gather(ops.param(embedding), tokens);                        // (B, S) -> (B, S, d)
        Tensor h = ops.tanh(ops.linear(x, ops.param(mixWeight), ops.param(mixBias))); // (B, S, d)
        Tensor context = ops.mean(h, 1, true);                                      // (B, 1, d)
        Tensor mixed = ops.add(h, context);                                         // (B, S, d)
        Tensor logits = ops.linear(mixed, ops.param(headWeight), ops.param(headBias)); // (B, S, V)
        Tensor hidden = ops.stack(List.of(x, mixed), 1);                            // (B, 2, S, d)
        return new ModelOutput(logits, Map.of(ModelOutput.HIDDEN_STATES, hidden));
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    public int dim() {
        return dim;
    }

    @Override
    public long parameterCountWithoutEmbeddings() {
        return parameterCount() - (long) vocab * dim;
    }
}
