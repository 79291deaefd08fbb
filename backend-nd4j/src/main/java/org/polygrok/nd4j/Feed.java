package org.polygrok.nd4j;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.train.Batch;

/** A batch copied into ND4J arrays for a {@link ModelGraph}'s placeholders, freed on close. */
final class Feed implements AutoCloseable {
    private final Map<String, INDArray> arrays = new HashMap<>();

    private Feed() {
    }

    static Feed of(Batch batch) {
        require(batch.tokens(), DType.INT32, "tokens");
        require(batch.targets(), DType.INT32, "targets");
        require(batch.rhsWeights(), DType.FLOAT32, "rhsWeights");
        Feed feed = new Feed();
        feed.arrays.put(ModelGraph.TOKENS, Nd4jArrays.toNd4j(batch.tokens()));
        feed.arrays.put(ModelGraph.TARGETS, Nd4jArrays.toNd4j(batch.targets()));
        feed.arrays.put(ModelGraph.RHS_WEIGHTS, Nd4jArrays.toNd4j(batch.rhsWeights()));
        return feed;
    }

    static Feed ofTokens(HostArray tokens) {
        Feed feed = new Feed();
        feed.arrays.put(ModelGraph.TOKENS, Nd4jArrays.toNd4j(tokens));
        return feed;
    }

    Map<String, INDArray> arrays() {
        return arrays;
    }

    @Override
    public void close() {
        arrays.values().forEach(Nd4jArrays::release);
    }

    private static void require(HostArray a, DType dtype, String what) {
        if (a.dtype() != dtype) {
            throw new IllegalArgumentException("batch " + what + " must be " + dtype + ", got " + a.dtype());
        }
    }
}
