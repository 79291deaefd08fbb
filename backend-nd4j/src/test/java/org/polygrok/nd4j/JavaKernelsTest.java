package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/** Ops no Java kernel is for stay with libnd4j (the kernels' own tests cover the ops they take). */
class JavaKernelsTest {

    @BeforeAll
    static void loadNatives() {
        Nd4jTesting.backend();
    }

    @Test
    void otherOpsStayWithLibnd4j() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 6);
        INDArray out = Nd4j.zeros(DataType.FLOAT, 4, 6);
        assertThat(JavaKernels.replacement(new Sqrt(x, out), new INDArray[] {x}, new INDArray[] {out})).isNull();
        assertThat(JavaKernels.replacement(new Exp(x, out), new INDArray[] {x}, new INDArray[] {out})).isNull();
        assertThat(JavaKernels.replacement(new AddOp(x, x, out), new INDArray[] {x, x}, new INDArray[] {out})).isNull();
    }
}
