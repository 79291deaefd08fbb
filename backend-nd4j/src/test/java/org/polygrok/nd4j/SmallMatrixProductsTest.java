package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.reduce.MmulBp;
import org.nd4j.linalg.factory.Nd4j;

/** The Java batched products give libnd4j's matmul and matmul_bp values (to float rounding), and take only the shapes they are for. */
class SmallMatrixProductsTest {
    private static final MMulTranspose PLAIN = MMulTranspose.allFalse();

    @BeforeAll
    static void loadNatives() {
        Nd4jTesting.backend();
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        float[] a = actual.ravel().toFloatVector();
        float[] e = expected.ravel().toFloatVector();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("element %d", i).isCloseTo(e[i], within(1e-5f * (1 + Math.abs(e[i]))));
        }
    }

    private static Runnable kernel(org.nd4j.linalg.api.ops.DynamicCustomOp op, INDArray[] in, INDArray[] out) {
        return JavaKernels.replacement(op, in, out);
    }

    @Test
    void aBatchedProductOfSmallMatricesEqualsLibnd4js() {
        INDArray a = Nd4jTesting.normal(1, 70, 2, 6, 8);   // (B, H, S, d/H)
        INDArray b = Nd4jTesting.normal(2, 70, 2, 8, 5);   // (B, H, d/H, S')
        INDArray c = Nd4j.zeros(DataType.FLOAT, 70, 2, 6, 5);
        Runnable k = kernel(new Mmul(a, b, c, PLAIN), new INDArray[] {a, b}, new INDArray[] {c});
        assertThat(k).isNotNull();
        k.run();
        assertClose(c, Nd4j.matmul(a, b));
        c.assign(-1);
        k.run(); // a second run overwrites, it does not accumulate
        assertClose(c, Nd4j.matmul(a, b));
    }

    @Test
    void itsBackwardEqualsLibnd4jsMatmulBp() {
        INDArray a = Nd4jTesting.normal(3, 140, 6, 4);
        INDArray b = Nd4jTesting.normal(4, 140, 4, 7);
        INDArray dc = Nd4jTesting.normal(5, 140, 6, 7);
        INDArray da = Nd4j.zeros(DataType.FLOAT, 140, 6, 4);
        INDArray db = Nd4j.zeros(DataType.FLOAT, 140, 4, 7);
        INDArray expectedDa = Nd4j.zeros(DataType.FLOAT, 140, 6, 4);
        INDArray expectedDb = Nd4j.zeros(DataType.FLOAT, 140, 4, 7);
        Nd4j.exec(new MmulBp(a, b, dc, expectedDa, expectedDb, PLAIN));
        Runnable k = kernel(new MmulBp(a, b, dc, da, db, PLAIN), new INDArray[] {a, b, dc}, new INDArray[] {da, db});
        assertThat(k).isNotNull();
        k.run();
        assertClose(da, expectedDa);
        assertClose(db, expectedDb);
    }

    @Test
    void productsOfOtherSizesShareTheScratchSafely() {
        INDArray big = Nd4jTesting.normal(9, 600, 6, 32);
        INDArray bigB = Nd4jTesting.normal(10, 600, 32, 6);
        INDArray bigC = Nd4j.zeros(DataType.FLOAT, 600, 6, 6);
        INDArray small = Nd4jTesting.normal(11, 65, 2, 3);
        INDArray smallB = Nd4jTesting.normal(12, 65, 3, 4);
        INDArray smallC = Nd4j.zeros(DataType.FLOAT, 65, 2, 4);
        Runnable first = kernel(new Mmul(big, bigB, bigC, PLAIN), new INDArray[] {big, bigB}, new INDArray[] {bigC});
        Runnable second = kernel(new Mmul(small, smallB, smallC, PLAIN), new INDArray[] {small, smallB}, new INDArray[] {smallC});
        first.run();
        second.run();
        first.run();
        assertClose(bigC, Nd4j.matmul(big, bigB));
        assertClose(smallC, Nd4j.matmul(small, smallB));
    }

    @Test
    void largeMatricesFewMatricesAndTransposedOperandsStayWithLibnd4j() {
        INDArray big = Nd4jTesting.normal(6, 70, 64, 64);
        INDArray bigOut = Nd4j.zeros(DataType.FLOAT, 70, 64, 64);
        assertThat(kernel(new Mmul(big, big, bigOut, PLAIN), new INDArray[] {big, big}, new INDArray[] {bigOut})).isNull();
        INDArray few = Nd4jTesting.normal(7, 10, 6, 6);
        INDArray fewOut = Nd4j.zeros(DataType.FLOAT, 10, 6, 6);
        assertThat(kernel(new Mmul(few, few, fewOut, PLAIN), new INDArray[] {few, few}, new INDArray[] {fewOut})).isNull();
        INDArray many = Nd4jTesting.normal(8, 70, 6, 6);
        INDArray manyOut = Nd4j.zeros(DataType.FLOAT, 70, 6, 6);
        MMulTranspose transposedB = MMulTranspose.builder().transposeB(true).build();
        assertThat(kernel(new Mmul(many, many, manyOut, transposedB), new INDArray[] {many, many},
                new INDArray[] {manyOut})).isNull();
        INDArray matrix = Nd4jTesting.normal(13, 70, 6);
        INDArray matrixOut = Nd4j.zeros(DataType.FLOAT, 70, 70);
        assertThat(kernel(new Mmul(matrix, matrix.transpose().dup(), matrixOut, PLAIN), new INDArray[] {matrix,
                matrix.transpose().dup()}, new INDArray[] {matrixOut})).isNull();
    }
}
