package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.ValueAndGradients;

/** The ops against hand-computed values and gradients, including SameDiff's known trouble spots. */
class Nd4jOpsTest {
    private static final Nd4jBackend backend = Nd4jTesting.backend();

    private static HostArray f(float[] v, long... shape) {
        return HostArray.of(v, shape);
    }

    @Test
    void broadcastAddAndLinearGiveHandValues() {
        List<HostArray> out = backend.run((ops, in) -> List.of(
                ops.add(in.get(0), in.get(1)),
                ops.linear(in.get(2), in.get(3), in.get(1))),
                List.of(f(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), f(new float[] {10, 20, 30}, 3),
                        f(new float[] {1, 0, 0, 1, 1, 1}, 1, 3, 2), f(new float[] {1, 2, 3, 4, 5, 6}, 3, 2)));
        assertThat(out.get(0).floats()).containsExactly(11, 22, 33, 14, 25, 36);
        assertThat(out.get(0).shape()).containsExactly(2, 3);
        // rows x = (1,0), (0,1), (1,1); W rows (1,2), (3,4), (5,6); + b
        assertThat(out.get(1).floats()).containsExactly(11, 23, 35, 12, 24, 36, 13, 27, 41);
        assertThat(out.get(1).shape()).containsExactly(1, 3, 3);
    }

    @Test
    void logSoftmaxOverTheLastAxisOfARank3TensorHasTheRightGradient() {
        float[] x = {1, 2, 3, 0, 0, 0, -1, 5, 2, 0.5f, 0.25f, 0};
        ValueAndGradients vg = backend.valueAndGradients(
                (ops, in) -> ops.sumAll(ops.mul(ops.logSoftmax(in.get(0)), in.get(1))),
                List.of(f(x, 2, 2, 3), f(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, 2, 2, 3)));
        double expected = 0;
        float[] grad = new float[12];
        for (int row = 0; row < 4; row++) {
            double max = Math.max(x[3 * row], Math.max(x[3 * row + 1], x[3 * row + 2]));
            double z = 0;
            for (int k = 0; k < 3; k++) {
                z += Math.exp(x[3 * row + k] - max);
            }
            int target = new int[] {0, 1, 2, 0}[row];
            expected += x[3 * row + target] - max - Math.log(z);
            for (int k = 0; k < 3; k++) {
                grad[3 * row + k] = (float) ((k == target ? 1 : 0) - Math.exp(x[3 * row + k] - max) / z);
            }
        }
        assertThat(vg.value()).isCloseTo((float) expected, within(1e-5f));
        assertClose(vg.gradients().get(0).floats(), grad, 1e-5f);
    }

    @Test
    void gatherIsDifferentiableTwiceInOneGraph() {
        // two lookups of one table, as token embedding + classifier tying would do
        ValueAndGradients vg = backend.valueAndGradients((ops, in) -> {
            Tensor a = ops.gather(in.get(0), in.get(1));   // (2, 2)
            Tensor b = ops.gather(in.get(0), in.get(2));   // (1, 2)
            return ops.add(ops.sumAll(ops.mul(a, a)), ops.sumAll(b));
        }, List.of(f(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), HostArray.ofInts(new int[] {2, 2}, 2),
                HostArray.ofInts(new int[] {0}, 1)));
        assertThat(vg.value()).isCloseTo(25 + 36 + 25 + 36 + 1 + 2, within(1e-4f));
        // d/dtable: row 2 gets 2 * 2 * (5, 6) from a, row 0 gets (1, 1) from b
        assertClose(vg.gradients().get(0).floats(), new float[] {1, 1, 0, 0, 20, 24}, 1e-5f);
        assertThat(vg.gradients().get(1)).isNull();
    }

    @Test
    void perTimeStepSlicesKeepTheirGradient() {
        // the LSTM reads x (B, T, d) one step at a time, as unstack would
        ValueAndGradients vg = backend.valueAndGradients((ops, in) -> {
            Tensor x = in.get(0);
            Tensor h = ops.scalar(0f);
            for (int t = 0; t < 3; t++) {
                Tensor xt = ops.reshape(ops.slice(x, 1, t, t + 1), 1, 2); // (1, 1, 2) -> (1, 2)
                h = ops.tanh(ops.add(ops.mul(h, ops.scalar(0.5f)), xt));
            }
            return ops.sumAll(h);
        }, List.of(f(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, 1, 3, 2)));
        float[] x = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        float[] grad = new float[6];
        double value = 0;
        for (int j = 0; j < 2; j++) {
            double h0 = Math.tanh(x[j]);
            double h1 = Math.tanh(0.5 * h0 + x[2 + j]);
            double h2 = Math.tanh(0.5 * h1 + x[4 + j]);
            value += h2;
            double d2 = 1 - h2 * h2;
            double d1 = d2 * 0.5 * (1 - h1 * h1);
            double d0 = d1 * 0.5 * (1 - h0 * h0);
            grad[4 + j] = (float) d2;
            grad[2 + j] = (float) d1;
            grad[j] = (float) d0;
        }
        assertThat(vg.value()).isCloseTo((float) value, within(1e-5f));
        assertClose(vg.gradients().get(0).floats(), grad, 1e-5f);
    }

    @Test
    void minimumSendsTheGradientToTheFirstArgumentOnTies() {
        ValueAndGradients vg = backend.valueAndGradients(
                (ops, in) -> ops.sumAll(ops.minimum(in.get(0), in.get(1))),
                List.of(f(new float[] {1, 5, 3}, 3), f(new float[] {2, 4, 3}, 3)));
        assertThat(vg.value()).isEqualTo(1 + 4 + 3);
        assertThat(vg.gradients().get(0).floats()).containsExactly(1, 0, 1);
        assertThat(vg.gradients().get(1).floats()).containsExactly(0, 1, 0);
    }

    @Test
    void batchedMatmulAndTransposeHaveHandGradients() {
        // f = sum(A · Bᵀ) over batches; df/dA[b,i,k] = sum_j B[b,j,k]; df/dB[b,j,k] = sum_i A[b,i,k]
        float[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        float[] b = {1, 0, 0, 1, 2, 1, 1, 2};
        ValueAndGradients vg = backend.valueAndGradients(
                (ops, in) -> ops.sumAll(ops.matmul(in.get(0), ops.transpose(in.get(1), 0, 2, 1))),
                List.of(f(a, 2, 2, 2), f(b, 2, 2, 2)));
        assertThat(vg.value()).isCloseTo(1 + 2 + 3 + 4 + 3 * (5 + 6 + 7 + 8), within(1e-4f));
        assertThat(vg.gradients().get(0).floats()).containsExactly(1, 1, 1, 1, 3, 3, 3, 3);
        assertThat(vg.gradients().get(1).floats()).containsExactly(4, 6, 4, 6, 12, 14, 12, 14);
    }

    @Test
    void argMaxTakesTheLowestIndexOnTiesAndEqualGivesFloats() {
        List<HostArray> out = backend.run((ops, in) -> List.of(ops.argMax(in.get(0)),
                ops.equal(ops.argMax(in.get(0)), in.get(1))),
                List.of(f(new float[] {1, 3, 3, 2, 2, 1}, 2, 3), HostArray.ofInts(new int[] {1, 1}, 2)));
        assertThat(out.get(0).ints()).containsExactly(1, 0);
        assertThat(out.get(1).floats()).containsExactly(1, 0);
    }

    @Test
    void reductionsKeepOrDropTheAxis() {
        List<HostArray> out = backend.run((ops, in) -> List.of(ops.max(in.get(0), -1, true),
                ops.mean(in.get(0), 0, false), ops.sumAll(in.get(0))),
                List.of(f(new float[] {1, 5, 3, 4, 2, 6}, 2, 3)));
        assertThat(out.get(0).shape()).containsExactly(2, 1);
        assertThat(out.get(0).floats()).containsExactly(5, 6);
        assertThat(out.get(1).floats()).containsExactly(2.5f, 3.5f, 4.5f);
        assertThat(out.get(2).shape()).isEmpty();
        assertThat(out.get(2).item()).isEqualTo(21);
    }

    @Test
    void gradientsOfUnusedAndIntegerInputs() {
        ValueAndGradients vg = backend.valueAndGradients((ops, in) -> ops.sumAll(ops.oneHot(in.get(1), 3)),
                List.of(f(new float[] {1, 2}, 2), HostArray.ofInts(new int[] {0, 2}, 2)));
        assertThat(vg.value()).isEqualTo(2);
        assertThat(vg.gradients().get(0).floats()).containsExactly(0, 0);
        assertThat(vg.gradients().get(1)).isNull();
        ValueAndGradients onlyInts = backend.valueAndGradients((ops, in) -> ops.sumAll(ops.oneHot(in.get(0), 3)),
                List.of(HostArray.ofInts(new int[] {1}, 1)));
        assertThat(onlyInts.value()).isEqualTo(1);
        assertThat(onlyInts.gradients()).containsExactly((HostArray) null);
    }

    @Test
    void badShapesFailWithOneClearSentence() {
        assertThatThrownBy(() -> backend.run((ops, in) -> List.of(ops.matmul(in.get(0), in.get(0))),
                List.of(f(new float[6], 2, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matmul");
        assertThatThrownBy(() -> backend.run((ops, in) -> List.of(ops.add(in.get(0), in.get(1))),
                List.of(f(new float[6], 2, 3), f(new float[2], 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not broadcast");
    }

    @Test
    void symbolicTensorsHaveNoValues() {
        assertThatThrownBy(() -> backend.run((ops, in) -> List.of(ops.scalar(in.get(0).toFloatArray()[0])),
                List.of(f(new float[] {1}, 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("traced");
    }

    static void assertClose(float[] actual, float[] expected, float tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
