package org.polygrok.nd4j;

import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Split;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Ops whose outputs can be views of their input instead of copies: {@link GraphPlan} binds the
 * views and runs nothing. A {@code split} into blocks of consecutive rows is a list of dense
 * sub-arrays (the LSTM's per-step projections and gates, {@link Nd4jLstm}). Splits into strided
 * blocks still run, and so do permutes: libnd4j's element-wise ops on strided views took 2-3x the
 * CPU of dense ones (LSTM gates split along columns), and its products with a transposed view
 * were up to 2x slower than with a dense copy at large sizes (GPT evaluation 31 -> 56 ms CPU).
 */
final class ViewOps {
    private ViewOps() {
    }

    /**
     * The outputs of {@code op} as views of {@code inputs[0]}, or {@code null} when it must run.
     *
     * @param shapes the output shapes libnd4j computed for this op
     */
    static INDArray[] views(DifferentialFunction op, INDArray[] inputs, List<LongShapeDescriptor> shapes) {
        if (inputs.length == 0 || inputs[0].isEmpty() || shapes.stream().anyMatch(s -> s.dataType() != inputs[0].dataType())) {
            return null;
        }
        if (op instanceof Split && inputs.length == 1) {
            return blocks(inputs[0], shapes);
        }
        return null;
    }

    /** Consecutive blocks of {@code x} along the one axis where the output shapes differ from its shape. */
    static INDArray[] blocks(INDArray x, List<LongShapeDescriptor> shapes) {
        long[] full = x.shape();
        int axis = -1;
        for (LongShapeDescriptor s : shapes) {
            long[] part = s.getShape();
            if (part.length != full.length) {
                return null;
            }
            for (int d = 0; d < full.length; d++) {
                if (part[d] != full[d]) {
                    if (axis >= 0 && axis != d) {
                        return null;
                    }
                    axis = d;
                }
            }
        }
        if (axis < 0) {
            return null;
        }
        INDArray[] out = new INDArray[shapes.size()];
        long start = 0;
        for (int i = 0; i < out.length; i++) {
            long length = shapes.get(i).getShape()[axis];
            INDArrayIndex[] index = new INDArrayIndex[full.length];
            for (int d = 0; d < full.length; d++) {
                index[d] = d == axis ? NDArrayIndex.interval(start, start + length) : NDArrayIndex.all();
            }
            out[i] = x.get(index); // (…, length, …): block i along axis
            if (out[i].ordering() != 'c' || !Shape.hasDefaultStridesForShape(out[i])) {
                return null; // a strided view: libnd4j's element-wise ops run ~3x slower on those than a copy costs
            }
            start += length;
        }
        return start == full[axis] ? out : null;
    }
}
