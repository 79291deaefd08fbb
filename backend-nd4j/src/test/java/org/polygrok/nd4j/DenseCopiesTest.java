package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Concat;
import org.nd4j.linalg.api.ops.impl.shape.Slice;
import org.nd4j.linalg.api.ops.impl.shape.bp.SliceBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The Java copies give libnd4j's concat, slice and slice_bp results exactly, including from views at an offset. */
class DenseCopiesTest {

    @BeforeAll
    static void loadNatives() {
        Nd4jTesting.backend();
    }

    private static void runJavaAndLibnd4j(DynamicCustomOp op, INDArray[] in, INDArray javaOut, INDArray libnd4jOut) {
        Runnable kernel = JavaKernels.replacement(op, in, new INDArray[] {javaOut});
        assertThat(kernel).isNotNull();
        javaOut.assign(Float.NaN);
        kernel.run();
        op.clearArrays();
        op.addInputArgument(in);
        op.addOutputArgument(libnd4jOut);
        Nd4j.exec(op);
        assertThat(javaOut.ravel().toFloatVector()).containsExactly(libnd4jOut.ravel().toFloatVector());
    }

    @Test
    void concatenatingMatricesAlongTheFirstAxis() {
        INDArray offsetView = Nd4jTesting.normal(2, 3, 5).get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()); // (2, 5)
        INDArray[] parts = {Nd4jTesting.normal(1, 3, 5), offsetView, Nd4jTesting.normal(3, 4, 5)};
        Concat op = new Concat(0, parts);
        runJavaAndLibnd4j(op, parts, Nd4j.zeros(DataType.FLOAT, 9, 5), Nd4j.zeros(DataType.FLOAT, 9, 5));
    }

    /** x (6, 7) sliced at rows 1-4, columns 2-4, and the (4, 3) gradient {@code grad} placed back. */
    private static void sliceAndItsGradient(INDArray x, INDArray grad) {
        Slice slice = new Slice(x, new int[] {1, 2}, 4, 3);
        runJavaAndLibnd4j(slice, new INDArray[] {x}, Nd4j.zeros(DataType.FLOAT, 4, 3), Nd4j.zeros(DataType.FLOAT, 4, 3));
        SliceBp backward = new SliceBp();
        backward.addIArgument(1, 2, 4, 3);
        runJavaAndLibnd4j(backward, new INDArray[] {x, grad}, Nd4j.zeros(DataType.FLOAT, 6, 7),
                Nd4j.zeros(DataType.FLOAT, 6, 7));
    }

    @Test
    void slicingAMatrixAndItsGradient() {
        sliceAndItsGradient(Nd4jTesting.normal(4, 6, 7), Nd4jTesting.normal(5, 4, 3));
    }

    @Test
    void slicingAViewAtAnOffsetAndPlacingAGradientThatIsOne() {
        INDArray x = Nd4jTesting.normal(7, 10, 7).get(NDArrayIndex.interval(4, 10), NDArrayIndex.all()); // (6, 7) at offset 28
        INDArray grad = Nd4jTesting.normal(8, 9, 3).get(NDArrayIndex.interval(5, 9), NDArrayIndex.all()); // (4, 3) at offset 15
        sliceAndItsGradient(x, grad);
    }

    @Test
    void aSliceToTheEndCountsFromItsBegin() {
        INDArray x = Nd4jTesting.normal(6, 5, 4);
        Slice slice = new Slice(x, new int[] {2, 1}, -1, -1);
        runJavaAndLibnd4j(slice, new INDArray[] {x}, Nd4j.zeros(DataType.FLOAT, 3, 3), Nd4j.zeros(DataType.FLOAT, 3, 3));
    }
}
