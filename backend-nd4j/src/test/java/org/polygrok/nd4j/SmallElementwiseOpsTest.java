package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.MulBpOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The Java element-wise kernels give libnd4j's values bit for bit, and leave large or broadcast ops to libnd4j. */
class SmallElementwiseOpsTest {

    @BeforeAll
    static void loadNatives() {
        Nd4jTesting.backend();
    }

    private static INDArray random(long seed, long... shape) {
        return Nd4jTesting.normal(seed, shape).mul(7); // a wide range of magnitudes
    }

    private static void assertSameAsLibnd4j(DynamicCustomOp javaOp, DynamicCustomOp libnd4jOp, INDArray[] in,
            INDArray[] javaOut, INDArray[] libnd4jOut) {
        Runnable kernel = JavaKernels.replacement(javaOp, in, javaOut);
        assertThat(kernel).isNotNull();
        kernel.run();
        Nd4j.exec(libnd4jOp);
        for (int i = 0; i < javaOut.length; i++) {
            assertThat(javaOut[i].ravel().toFloatVector()).containsExactly(libnd4jOut[i].ravel().toFloatVector());
        }
    }

    @Test
    void addSubtractAndMultiplyAreLibnd4jsBitForBit() {
        INDArray x = random(1, 96, 128);
        INDArray y = random(2, 96, 128);
        for (int op = 0; op < 3; op++) {
            INDArray z = Nd4j.zeros(DataType.FLOAT, 96, 128);
            INDArray expected = Nd4j.zeros(DataType.FLOAT, 96, 128);
            DynamicCustomOp java = op == 0 ? new AddOp(x, y, z) : op == 1 ? new SubOp(x, y, z) : new MulOp(x, y, z);
            DynamicCustomOp lib = op == 0 ? new AddOp(x, y, expected) : op == 1 ? new SubOp(x, y, expected)
                    : new MulOp(x, y, expected);
            assertSameAsLibnd4j(java, lib, new INDArray[] {x, y}, new INDArray[] {z}, new INDArray[] {expected});
        }
    }

    @Test
    void multiplyBpIsLibnd4jsBitForBitOnViewsWithAnOffset() {
        INDArray rows = random(3, 40, 64);
        INDArray x = rows.get(NDArrayIndex.interval(8, 16), NDArrayIndex.all()); // a dense block at an offset
        INDArray y = random(4, 8, 64);
        INDArray dz = random(5, 8, 64);
        INDArray dx = Nd4j.zeros(DataType.FLOAT, 8, 64);
        INDArray dy = Nd4j.zeros(DataType.FLOAT, 8, 64);
        INDArray ex = Nd4j.zeros(DataType.FLOAT, 8, 64);
        INDArray ey = Nd4j.zeros(DataType.FLOAT, 8, 64);
        assertSameAsLibnd4j(multiplyBp(x, y, dz, dx, dy), multiplyBp(x, y, dz, ex, ey), new INDArray[] {x, y, dz},
                new INDArray[] {dx, dy}, new INDArray[] {ex, ey});
    }

    private static MulBpOp multiplyBp(INDArray x, INDArray y, INDArray dz, INDArray dx, INDArray dy) {
        MulBpOp op = new MulBpOp();
        op.addInputArgument(x, y, dz);
        op.addOutputArgument(dx, dy);
        return op;
    }

    @Test
    void largeAndBroadcastOpsStayWithLibnd4j() {
        INDArray largest = random(5, 512, SmallElementwiseOps.MAX_ELEMENTS / 512); // the LSTM's gates at B = 32
        INDArray largestOut = Nd4j.zeros(DataType.FLOAT, largest.shape());
        assertThat(JavaKernels.replacement(new AddOp(largest, largest, largestOut), new INDArray[] {largest, largest},
                new INDArray[] {largestOut})).isNotNull();
        INDArray big = random(6, 512, 33); // one more column than the largest: 16 896 floats
        INDArray bigOut = Nd4j.zeros(DataType.FLOAT, 512, 33);
        assertThat(JavaKernels.replacement(new AddOp(big, big, bigOut), new INDArray[] {big, big},
                new INDArray[] {bigOut})).isNull();
        INDArray matrix = random(7, 8, 4);
        INDArray row = random(8, 1, 4);
        INDArray out = Nd4j.zeros(DataType.FLOAT, 8, 4);
        assertThat(JavaKernels.replacement(new MulOp(matrix, row, out), new INDArray[] {matrix, row},
                new INDArray[] {out})).isNull();
    }
}
