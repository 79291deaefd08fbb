package org.polygrok.djl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.random.Mt19937;

/**
 * A test model small enough to train in a unit test: embedding -> tanh -> linear, exposing its
 * hidden layer as an internal.
 */
final class TinyModel extends LanguageModel {
    final int vocab;
    final int width;
    private final Parameter embedding;
    private final Parameter weight;
    private final Parameter bias;

    TinyModel(int vocab, int width) {
        this.vocab = vocab;
        this.width = width;
        this.embedding = parameter("embedding", new long[] {vocab, width}, TinyModel::gaussian);
        this.weight = parameter("weight", new long[] {vocab, width}, TinyModel::uniform);
        this.bias = parameter("bias", new long[] {vocab}, TinyModel::uniform);
    }

    @Override
    public ModelOutput forward(Ops ops, Tensor tokens) {
        Tensor hidden = ops.tanh(ops.gather(ops.param(embedding), tokens));  // (B, S, d)
        Tensor logits = ops.linear(hidden, ops.param(weight), ops.param(bias)); // (B, S, V)
        return new ModelOutput(logits, Map.of("hidden", hidden));
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public long parameterCountWithoutEmbeddings() {
        return parameterCount() - (long) vocab * width;
    }

    /** Seeded initial weights. */
    Map<String, HostArray> initialWeights(long seed) {
        Mt19937 random = new Mt19937(seed);
        Map<String, HostArray> out = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> {
            float[] values = new float[Math.toIntExact(p.size())];
            p.initializer().fill(values, p.shape(), random);
            out.put(name, HostArray.of(values, p.shape()));
        });
        return out;
    }

    private static void gaussian(float[] values, long[] shape, Mt19937 random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
    }

    private static void uniform(float[] values, long[] shape, Mt19937 random) {
        double bound = 1 / Math.sqrt(shape[shape.length - 1]);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
    }
}
