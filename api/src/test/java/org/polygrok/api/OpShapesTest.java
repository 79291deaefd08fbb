package org.polygrok.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.tck.reference.ReferenceOps;

/** The result shapes {@link OpShapes} computes; the kit's OpArgumentsContract holds every backend to its errors. */
class OpShapesTest {
    private final ReferenceOps ops = new ReferenceOps();

    private Tensor f(long... shape) {
        return ops.constant(HostArray.zeros(shape));
    }

    private Tensor ids(long... shape) {
        return ops.constant(HostArray.ofInts(new int[Math.toIntExact(Shapes.size(shape))], shape));
    }

    @Test
    void elementWiseAndLinearAlgebra() {
        assertThat(OpShapes.binary("add", f(2, 1, 4), f(3, 1))).containsExactly(2, 3, 4);
        assertThat(OpShapes.matmul(f(5, 2, 3), f(5, 3, 4))).containsExactly(5, 2, 4);
        assertThat(OpShapes.linear(f(2, 6, 3), f(4, 3), f(4))).containsExactly(2, 6, 4);
        assertThat(OpShapes.linear(f(3), f(4, 3), null)).containsExactly(4);
    }

    @Test
    void shapeOps() {
        Tensor x = f(2, 3, 4);
        assertThat(OpShapes.reshape(x, 6, -1)).containsExactly(6, 4);
        int[] perm = OpShapes.permutation(x, 0, -1, 1);
        assertThat(perm).containsExactly(0, 2, 1);
        assertThat(OpShapes.transposed(x, perm)).containsExactly(2, 4, 3);
        assertThat(OpShapes.concat(List.of(f(2, 3), f(2, 5)), -1)).containsExactly(2, 8);
        assertThat(OpShapes.concatAxis(List.of(f(2, 3), f(2, 5)), -1)).isEqualTo(1);
        assertThat(OpShapes.stack(List.of(f(2, 3), f(2, 3), f(2, 3)), 1)).containsExactly(2, 3, 3);
        assertThat(OpShapes.stackAxis(List.of(f(2, 3)), -1)).isEqualTo(2);
        assertThat(OpShapes.slice(x, 1, 1, 3)).containsExactly(2, 2, 4);
        assertThat(OpShapes.slice(x, 1, 3, 3)).containsExactly(2, 0, 4);
    }

    @Test
    void reductionsAndNeuralNetworkOps() {
        Tensor x = f(2, 3, 4);
        assertThat(OpShapes.reduced(x, -1, true)).containsExactly(2, 3, 1);
        assertThat(OpShapes.reduced(x, 1, false)).containsExactly(2, 4);
        assertThat(OpShapes.argMax(x)).containsExactly(2, 3);
        assertThat(OpShapes.gather(f(7, 5), ids(2, 3))).containsExactly(2, 3, 5);
        assertThat(OpShapes.oneHot(ids(2, 3), 7)).containsExactly(2, 3, 7);
        assertThat(OpShapes.layerNorm(x, f(4), f(4))).containsExactly(2, 3, 4);
        LstmGates.Gate gate = new LstmGates.Gate(f(2, 6), f(2)); // d_h 2, d_in 4
        assertThat(OpShapes.lstmLayer(x, new LstmGates(gate, gate, gate, gate))).containsExactly(2, 3, 2);
    }

    @Test
    void errorsAreOneSentenceNamingTheOp() {
        assertThatThrownBy(() -> OpShapes.binary("sub", f(2), f(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sub: shapes [2] and [3] do not broadcast");
        assertThatThrownBy(() -> OpShapes.slice(f(2, 3), 0, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slice [-1, 1) is outside axis 0 of length 2");
        assertThatThrownBy(() -> OpShapes.scalarResult(ids())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("valueAndGradients needs a FLOAT32 scalar result, got INT32 []");
        assertThat(OpShapes.foreignTensor("tf", null)).hasMessage("the tf backend got a tensor it did not make: null");
    }

    /** A tensor that hands out its own shape array, as DJL's NDArray shapes do. */
    private record SharedShape(long[] shape) implements Tensor {
        @Override
        public DType dtype() {
            return DType.FLOAT32;
        }

        @Override
        public HostArray toHostArray() {
            return HostArray.zeros(shape);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shapesAreNeverModifiedInPlace() {
        long[] shape = {2, 3, 4};
        Tensor x = new SharedShape(shape);
        OpShapes.slice(x, 1, 0, 1);
        OpShapes.reduced(x, 1, true);
        OpShapes.reduced(x, 1, false);
        OpShapes.concat(List.of(x, x), 0);
        OpShapes.layerNorm(x, f(4), f(4))[0] = 9;
        OpShapes.linear(x, f(5, 4), null);
        OpShapes.matmul(x, f(2, 4, 1));
        assertThat(shape).containsExactly(2, 3, 4);
    }
}
