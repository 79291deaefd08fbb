package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The Java square root gives libnd4j's values bit for bit, on whole arrays and on views with an offset. */
class JavaKernelsTest {

    @BeforeAll
    static void loadNatives() {
        Nd4jTesting.backend();
    }

    private static INDArray values() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 1000).mul(Nd4j.rand(DataType.FLOAT, 1000)).mul(1e-6); // second moments are tiny
        x.putScalar(0, 0f);
        x.putScalar(1, Float.MIN_VALUE);
        x.putScalar(2, 1e30f);
        return x;
    }

    private static INDArray libnd4jSqrt(INDArray x) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        Nd4j.exec(new Sqrt(x, out));
        return out;
    }

    @Test
    void aPlannedSqrtEqualsLibnd4jsBitForBit() {
        SameDiff sd = SameDiff.create();
        sd.math.sqrt("root", sd.placeHolder("x", DataType.FLOAT, 1000));
        INDArray x = values();
        try (GraphPlan plan = new GraphPlan(sd, Map.of("x", x), List.of("root"))) {
            x.muli(3);
            plan.run();
            assertThat(plan.output("root").toFloatVector()).containsExactly(libnd4jSqrt(x).toFloatVector());
        }
    }

    @Test
    void viewsWithAnOffsetReadAndWriteTheirOwnElements() {
        INDArray source = values();
        INDArray target = Nd4j.zeros(DataType.FLOAT, 1000);
        INDArray in = source.get(NDArrayIndex.interval(100, 300));   // (200) at offset 100
        INDArray out = target.get(NDArrayIndex.interval(500, 700));  // (200) at offset 500
        Runnable kernel = JavaKernels.replacement(new Sqrt(in, out), new INDArray[] {in}, new INDArray[] {out});
        assertThat(kernel).isNotNull();
        kernel.run();
        assertThat(out.toFloatVector()).containsExactly(libnd4jSqrt(in).toFloatVector());
        assertThat(target.get(NDArrayIndex.interval(0, 500)).sumNumber().doubleValue()).isZero();
        assertThat(target.get(NDArrayIndex.interval(700, 1000)).sumNumber().doubleValue()).isZero();
    }

    @Test
    void otherOpsAndStridedArraysStayWithLibnd4j() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 6);
        INDArray column = x.getColumn(1);
        assertThat(JavaKernels.replacement(new Sqrt(column, column), new INDArray[] {column}, new INDArray[] {column}))
                .isNull();
        assertThat(JavaKernels.replacement(new Exp(x, x),
                new INDArray[] {x}, new INDArray[] {x})).isNull();
    }
}
