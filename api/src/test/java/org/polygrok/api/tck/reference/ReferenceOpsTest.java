package org.polygrok.api.tck.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Parameter;

/** ReferenceOps against values computed by hand (and, for softmax, by torch). */
class ReferenceOpsTest {
    private final ReferenceOps ops = new ReferenceOps();

    private static ReferenceTensor t(double[] values, long... shape) {
        return ReferenceTensor.of(values, shape);
    }

    private static ReferenceTensor ids(int[] values, long... shape) {
        return ReferenceTensor.of(HostArray.ofInts(values, shape));
    }

    private static void assertTensor(Tensor actual, double[] values, long... shape) {
        assertTensor(actual, 1e-15, values, shape);
    }

    private static void assertTensor(Tensor actual, double tolerance, double[] values, long... shape) {
        ReferenceTensor r = (ReferenceTensor) actual;
        assertThat(r.shape()).containsExactly(shape);
        assertThat(r.values()).containsExactly(values, within(tolerance));
    }

    @Test
    void softmaxAndLogSoftmaxOfOneTwoThree() {
        double[] expected = {0.09003057317038045, 0.2447284710547976, 0.6652409557748218};
        assertTensor(ops.softmax(t(new double[] {1, 2, 3}, 3)), expected, 3);
        assertTensor(ops.softmax(t(new double[] {1001, 1002, 1003}, 3)), expected, 3);
        assertTensor(ops.logSoftmax(t(new double[] {-999, -998, -997}, 1, 3)),
                new double[] {-2.4076059644443806, -1.4076059644443804, -0.4076059644443804}, 1, 3);
    }

    @Test
    void elementWiseOpsBroadcastAsNumpy() {
        ReferenceTensor column = t(new double[] {1, 2}, 2, 1);
        ReferenceTensor row = t(new double[] {10, 20, 30}, 3);
        assertTensor(ops.add(column, row), new double[] {11, 21, 31, 12, 22, 32}, 2, 3);
        assertTensor(ops.sub(row, column), new double[] {9, 19, 29, 8, 18, 28}, 2, 3);
        assertTensor(ops.mul(column, ops.scalar(3)), new double[] {3, 6}, 2, 1);
        assertTensor(ops.div(row, column), new double[] {10, 20, 30, 5, 10, 15}, 2, 3);
        assertTensor(ops.minimum(t(new double[] {1, 5, 3}, 3), t(new double[] {2, 4, 3}, 3)), new double[] {1, 4, 3}, 3);
        assertTensor(ops.add(t(new double[] {1, 2, 3, 4}, 2, 1, 2), t(new double[] {10, 20, 30}, 3, 1)),
                new double[] {11, 12, 21, 22, 31, 32, 13, 14, 23, 24, 33, 34}, 2, 3, 2);
        assertThatThrownBy(() -> ops.add(row, t(new double[] {1, 2}, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unaryOps() {
        assertTensor(ops.neg(t(new double[] {1, -2}, 2)), new double[] {-1, 2}, 2);
        assertTensor(ops.exp(t(new double[] {0, 1}, 2)), new double[] {1, Math.E}, 2);
        assertTensor(ops.log(t(new double[] {1, Math.E}, 2)), new double[] {0, 1}, 2);
        assertTensor(ops.sqrt(t(new double[] {4, 0}, 2)), new double[] {2, 0}, 2);
        assertTensor(ops.tanh(t(new double[] {0}, 1)), new double[] {0}, 1);
        assertTensor(ops.sigmoid(t(new double[] {0, 800, -800}, 3)), new double[] {0.5, 1, 0}, 3);
        assertTensor(ops.erf(t(new double[] {0, 1}, 2)), new double[] {0, 0.8427007929497149}, 2);
    }

    @Test
    void compoundLayersAreTheProtocolFormulas() {
        // the compound ops' constants (1/√2, eps) are FLOAT32 scalars, as on every engine
        assertTensor(ops.gelu(t(new double[] {1, -2}, 2)), 1e-8, new double[] {0.8413447460685429, -0.04550026389635842}, 2);
        assertTensor(ops.layerNorm(t(new double[] {1, 2, 3, 6}, 1, 4), t(new double[] {2, 2, 2, 2}, 4),
                t(new double[] {1, 1, 1, 1}, 4), 1e-5f), 1e-8,
                new double[] {-1.138086880891747, -0.06904344044587352, 1.0, 4.207130321337621}, 1, 4);
        // d_in = d_h = 1; gate weights [w_x, w_h]: i = σ(x), f = ½, c̃ = tanh(2x), o = ½
        LstmGates gates = new LstmGates(gate(1, 0, 0), gate(0, 0, 0), gate(2, 0, 0), gate(0, 0, 0));
        assertTensor(ops.lstmLayer(t(new double[] {1, -1}, 1, 2, 1), gates),
                new double[] {0.30369042356060755, 0.0464225989336539}, 1, 2, 1);
    }

    private static LstmGates.Gate gate(double inputWeight, double hiddenWeight, double bias) {
        return new LstmGates.Gate(t(new double[] {inputWeight, hiddenWeight}, 1, 2), t(new double[] {bias}, 1));
    }

    @Test
    void matmulAndLinear() {
        assertTensor(ops.matmul(t(new double[] {1, 2, 3, 4}, 2, 2), t(new double[] {5, 6, 7, 8}, 2, 2)),
                new double[] {19, 22, 43, 50}, 2, 2);
        // batched: (2, 1, 2) x (2, 2, 1)
        assertTensor(ops.matmul(t(new double[] {1, 2, 3, 4}, 2, 1, 2), t(new double[] {1, 1, 2, -1}, 2, 2, 1)),
                new double[] {3, 2}, 2, 1, 1);
        ReferenceTensor w = t(new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertTensor(ops.linear(t(new double[] {1, 2}, 1, 1, 2), w, t(new double[] {0.5, 0, -1}, 3)),
                new double[] {1.5, 2, 2}, 1, 1, 3);
        assertTensor(ops.linear(t(new double[] {1, 2}, 2), w, null), new double[] {1, 2, 3}, 3);
        assertThatThrownBy(() -> ops.matmul(t(new double[6], 2, 3), t(new double[6], 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matmul");
    }

    @Test
    void shapeOps() {
        ReferenceTensor x = t(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertTensor(ops.reshape(x, 3, -1), new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertTensor(ops.transpose(x, 1, 0), new double[] {1, 4, 2, 5, 3, 6}, 3, 2);
        assertTensor(ops.slice(x, 1, 1, 3), new double[] {2, 3, 5, 6}, 2, 2);
        assertTensor(ops.slice(x, -2, 1, 2), new double[] {4, 5, 6}, 1, 3);
        assertTensor(ops.concat(List.of(t(new double[] {1, 2}, 2, 1), t(new double[] {3, 4, 5, 6}, 2, 2)), 1),
                new double[] {1, 3, 4, 2, 5, 6}, 2, 3);
        ReferenceTensor a = t(new double[] {1, 2}, 2);
        ReferenceTensor b = t(new double[] {3, 4}, 2);
        assertTensor(ops.stack(List.of(a, b), 0), new double[] {1, 2, 3, 4}, 2, 2);
        assertTensor(ops.stack(List.of(a, b), 1), new double[] {1, 3, 2, 4}, 2, 2);
        assertTensor(ops.stack(List.of(a, b), -1), new double[] {1, 3, 2, 4}, 2, 2);
        // (2, 3, 4) permuted [2, 0, 1]: out[k][i][j] = in[i][j][k]
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) {
            v[i] = i;
        }
        ReferenceTensor p = (ReferenceTensor) ops.transpose(t(v, 2, 3, 4), 2, 0, 1);
        assertThat(p.shape()).containsExactly(4, 2, 3);
        assertThat(p.values()[(3 * 2 + 1) * 3 + 2]).isEqualTo((1 * 3 + 2) * 4 + 3);
        assertThatThrownBy(() -> ops.slice(x, 1, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ops.reshape(x, 4, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reductions() {
        ReferenceTensor x = t(new double[] {1, 5, 3, 4, 2, 6}, 2, 3);
        assertTensor(ops.sum(x, 0, false), new double[] {5, 7, 9}, 3);
        assertTensor(ops.sum(x, 1, true), new double[] {9, 12}, 2, 1);
        assertTensor(ops.mean(x, -1, false), new double[] {3, 4}, 2);
        assertTensor(ops.max(x, 1, false), new double[] {5, 6}, 2);
        assertTensor(ops.max(x, 0, true), new double[] {4, 5, 6}, 1, 3);
        assertTensor(ops.sumAll(x), new double[] {21});
        assertTensor(ops.mean(t(new double[] {1, 2}, 2), 0, false), new double[] {1.5});
    }

    @Test
    void lookupsAndComparisons() {
        ReferenceTensor table = t(new double[] {0, 1, 2, 3, 4, 5}, 3, 2);
        assertTensor(ops.gather(table, ids(new int[] {2, 0}, 1, 2)), new double[] {4, 5, 0, 1}, 1, 2, 2);
        assertTensor(ops.oneHot(ids(new int[] {1, 0}, 2), 3), new double[] {0, 1, 0, 1, 0, 0}, 2, 3);
        Tensor argMax = ops.argMax(t(new double[] {1, 3, 3, 2, 2, 2}, 2, 3));
        assertThat(argMax.dtype()).isEqualTo(DType.INT32);
        assertTensor(argMax, new double[] {1, 0}, 2);
        Tensor eq = ops.equal(ids(new int[] {1, 2, 3, 1}, 2, 2), ids(new int[] {1, 3}, 2));
        assertThat(eq.dtype()).isEqualTo(DType.FLOAT32);
        assertTensor(eq, new double[] {1, 0, 0, 0}, 2, 2);
        assertThatThrownBy(() -> ops.gather(table, ids(new int[] {3}, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ops.equal(table, ids(new int[] {3}, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ops.add(ids(new int[] {1}, 1), ids(new int[] {1}, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersAnswerFromTheGivenMap() {
        Parameter p = new Parameter("w", new long[] {2}, (v, s, r) -> { });
        ReferenceOps withWeights = new ReferenceOps(Map.of(p, HostArray.of(new float[] {0.5f, -1f}, 2)));
        assertTensor(withWeights.param(p), new double[] {0.5, -1}, 2);
        Parameter other = new Parameter("w", new long[] {2}, (v, s, r) -> { });
        assertThatThrownBy(() -> withWeights.param(other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferenceOps(Map.of(p, HostArray.zeros(3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(withWeights.run((o, x) -> List.of(o.mul(o.param(p), x.get(0))), List.of(HostArray.scalar(2f))).get(0))
                .isEqualTo(HostArray.of(new float[] {1f, -2f}, 2));
    }
}
