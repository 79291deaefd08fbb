package org.polygrok.nd4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A bias added to every row (or column) of a matrix, traced so that SameDiff's backward pass sums the bias
 * gradient with a matrix product: y + 1·bᵀ, with 1 a constant column of ones. The values are the
 * same (1·b is exact); M2.1's broadcast {@code add_bp} and {@code biasadd_bp} sum a (2880, 512)
 * gradient over its rows in ~4 ms CPU, the product 1ᵀ·dy takes a small fraction of that, and the
 * same-shape add's backward passes dy on without a copy ({@link PassThroughOps}).
 */
final class BiasRows {
    private BiasRows() {
    }

    /** y (N, C) + bias (C) on every row. */
    static SDVariable add(SameDiff sd, SDVariable y, SDVariable bias, long rows, long columns) {
        SDVariable ones = sd.constant(Nd4j.ones(DataType.FLOAT, rows, 1));     // (N, 1)
        SDVariable biasRow = sd.reshape(bias, 1, columns);                      // (C) -> (1, C)
        return y.add(sd.mmul(ones, biasRow));                                   // (N, C) + (N, 1) x (1, C)
    }

    /**
     * bias (R, 1) as the (R, N) matrix b·1ᵀ, for adding to several (R, N) matrices (the LSTM's time
     * steps); its gradient is the product dY·1.
     */
    static SDVariable columns(SameDiff sd, SDVariable biasColumn, long columns) {
        SDVariable ones = sd.constant(Nd4j.ones(DataType.FLOAT, 1, columns));  // (1, N)
        return sd.mmul(biasColumn, ones);                                       // (R, 1) x (1, N) -> (R, N)
    }
}
