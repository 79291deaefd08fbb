package org.polygrok.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.polygrok.tf.TfTesting.floats;
import static org.polygrok.tf.TfTesting.shape;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.ScalarFunction;
import org.polygrok.api.Tensor;
import org.polygrok.api.ValueAndGradients;

/** TensorFlow's own gradients of the ops the models need, against hand values and central differences. */
class TfGradientsTest {

    private static ValueAndGradients vg(ScalarFunction f, HostArray... inputs) {
        return TfTesting.backend().valueAndGradients(f, List.of(inputs));
    }

    /** Central differences in float, for smooth functions of moderate size; every point traced into one graph. */
    private static float[] numeric(ScalarFunction f, List<HostArray> inputs, int which) {
        float h = 1e-2f;
        List<List<HostArray>> points = new ArrayList<>();
        int n = (int) inputs.get(which).size();
        for (int i = 0; i < n; i++) {
            points.add(moved(inputs, which, i, h));
            points.add(moved(inputs, which, i, -h));
        }
        List<HostArray> values = TfTesting.backend().run((ops, ignored) -> {
            List<Tensor> out = new ArrayList<>();
            for (List<HostArray> point : points) {
                out.add(f.apply(ops, point.stream().map(ops::constant).toList()));
            }
            return out;
        }, List.of());
        float[] grad = new float[n];
        for (int i = 0; i < n; i++) {
            grad[i] = (values.get(2 * i).item() - values.get(2 * i + 1).item()) / (2 * h);
        }
        return grad;
    }

    private static List<HostArray> moved(List<HostArray> inputs, int which, int index, float delta) {
        List<HostArray> out = new ArrayList<>(inputs);
        float[] v = inputs.get(which).floats().clone();
        v[index] += delta;
        out.set(which, HostArray.of(v, inputs.get(which).shape()));
        return out;
    }

    private static void assertMatchesNumeric(ScalarFunction f, HostArray... inputs) {
        ValueAndGradients exact = vg(f, inputs);
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].floats() != null) {
                assertThat(exact.gradients().get(i).floats()).as("gradient of input " + i)
                        .containsExactly(numeric(f, List.of(inputs), i), within(2e-3f));
            }
        }
    }

    @Test
    void gatherAccumulatesRepeatedRowsAndIgnoresIds() {
        HostArray table = floats(shape(3, 2), 1, 2, 3, 4, 5, 6);
        HostArray ids = HostArray.ofInts(new int[] {2, 0, 2}, 3);
        ValueAndGradients r = vg((ops, in) -> ops.sumAll(ops.gather(in.get(0), in.get(1))), table, ids);
        assertThat(r.value()).isEqualTo(5 + 6 + 1 + 2 + 5 + 6);
        assertThat(r.gradients().get(0).shape()).containsExactly(3, 2);
        assertThat(r.gradients().get(0).floats()).containsExactly(1, 1, 0, 0, 2, 2);
        assertThat(r.gradients().get(1)).isNull();
    }

    @Test
    void minimumSendsTiesToTheFirstOperand() {
        HostArray a = floats(shape(3), 1, 2, 3);
        HostArray b = floats(shape(3), 2, 2, 2);
        ValueAndGradients r = vg((ops, in) -> ops.sumAll(ops.minimum(in.get(0), in.get(1))), a, b);
        assertThat(r.gradients().get(0).floats()).containsExactly(1, 1, 0);
        assertThat(r.gradients().get(1).floats()).containsExactly(0, 0, 1);
    }

    @Test
    void linearGradients() {
        HostArray x = floats(shape(2, 1, 3), 1, 2, 3, -1, 0, 1);
        HostArray w = floats(shape(2, 3), 1, 0, 0, 1, 1, 1);
        HostArray b = floats(shape(2), 0.5f, -0.5f);
        ValueAndGradients r = vg((ops, in) -> ops.sumAll(ops.linear(in.get(0), in.get(1), in.get(2))), x, w, b);
        assertThat(r.gradients().get(0).floats()).containsExactly(2, 1, 1, 2, 1, 1); // column sums of w
        assertThat(r.gradients().get(1).floats()).containsExactly(0, 2, 4, 0, 2, 4); // row sums of x
        assertThat(r.gradients().get(2).floats()).containsExactly(2, 2);
    }

    @Test
    void unusedInputGetsZeroGradient() {
        ValueAndGradients r = vg((ops, in) -> ops.sumAll(in.get(0)), floats(shape(2), 1, 2), floats(shape(2), 3, 4));
        assertThat(r.gradients().get(0).floats()).containsExactly(1, 1);
        assertThat(r.gradients().get(1).floats()).containsExactly(0, 0);
    }

    @Test
    void scalarInputReturnedAsIs() {
        ValueAndGradients r = vg((ops, in) -> in.get(0), HostArray.of(new float[] {3f}));
        assertThat(r.value()).isEqualTo(3f);
        assertThat(r.gradients().get(0).floats()).containsExactly(1f);
    }

    @Test
    void attentionLikeChainMatchesCentralDifferences() {
        // softmax(q kᵀ / 2 with a causal mask) v, through reshape, transpose, slice, concat, stack, max, erf, log
        HostArray q = floats(shape(1, 3, 2), 0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f);
        HostArray k = floats(shape(1, 3, 2), 0.2f, 0.1f, -0.3f, 0.5f, 0.4f, -0.1f);
        HostArray v = floats(shape(1, 3, 2), 1f, 2f, -1f, 0.5f, 0.3f, -0.7f);
        HostArray mask = floats(shape(3, 3), 0, -1e9f, -1e9f, 0, 0, -1e9f, 0, 0, 0);
        ScalarFunction f = (ops, in) -> {
            Tensor scores = ops.div(ops.matmul(in.get(0), ops.transpose(in.get(1), 0, 2, 1)), ops.scalar(2f));
            Tensor attn = ops.softmax(ops.add(scores, in.get(3))); // (1, 3, 3)
            Tensor out = ops.matmul(attn, in.get(2)); // (1, 3, 2)
            Tensor gelu = ops.mul(out, ops.add(ops.scalar(1f), ops.erf(ops.div(out, ops.scalar((float) Math.sqrt(2))))));
            Tensor joined = ops.concat(List.of(ops.slice(gelu, 1, 0, 2), ops.reshape(ops.slice(gelu, 1, 2, 3), 1, 1, 2)), 1);
            Tensor stacked = ops.stack(List.of(joined, ops.tanh(joined)), 0); // (2, 1, 3, 2)
            Tensor top = ops.max(stacked, -1, false);
            Tensor lse = ops.logSoftmax(ops.reshape(stacked, 2, 6));
            return ops.add(ops.sumAll(ops.sigmoid(top)), ops.mean(ops.sum(lse, -1, false), 0, false));
        };
        assertMatchesNumeric(f, q, k, v, mask);
    }

    @Test
    void layerNormLikeChainMatchesCentralDifferences() {
        HostArray x = floats(shape(2, 4), 0.3f, -1.2f, 0.8f, 2.0f, -0.4f, 0.1f, 0.9f, -0.6f);
        HostArray w = floats(shape(4), 1.0f, 0.5f, -0.3f, 2.0f);
        ScalarFunction f = (ops, in) -> {
            Tensor mu = ops.mean(in.get(0), -1, true);
            Tensor centred = ops.sub(in.get(0), mu);
            Tensor var = ops.mean(ops.mul(centred, centred), -1, true);
            Tensor y = ops.mul(ops.div(centred, ops.sqrt(ops.add(var, ops.scalar(1e-5f)))), in.get(1));
            return ops.sumAll(ops.mul(ops.exp(ops.neg(y)), y));
        };
        assertMatchesNumeric(f, x, w);
    }

    @Test
    void softmaxAndLogSoftmaxGradientsAreRightBeyondRankTwo() {
        // TF's C++ LogSoftmax gradient sums over axis 1 (right for rank 2 only); TfOps works on rows
        HostArray x = floats(shape(2, 2, 3), 0.1f, -0.4f, 0.7f, 1.2f, 0.3f, -0.8f, 0.5f, 0.5f, -1f, 2f, 0f, 0.2f);
        HostArray w = floats(shape(2, 2, 3), 1, 0, 0, 0, 2, 0, 0.5f, -1, 0, 0, 0, 3);
        float[] xs = x.floats();
        float[] ws = w.floats();
        float[] logSoftmaxGrad = new float[12];
        float[] softmaxGrad = new float[12];
        for (int row = 0; row < 4; row++) {
            double z = 0;
            for (int j = 0; j < 3; j++) {
                z += Math.exp(xs[row * 3 + j]);
            }
            double wSum = 0;
            double wy = 0;
            for (int j = 0; j < 3; j++) {
                wSum += ws[row * 3 + j];
                wy += ws[row * 3 + j] * Math.exp(xs[row * 3 + j]) / z;
            }
            for (int j = 0; j < 3; j++) {
                double y = Math.exp(xs[row * 3 + j]) / z;
                logSoftmaxGrad[row * 3 + j] = (float) (ws[row * 3 + j] - y * wSum);
                softmaxGrad[row * 3 + j] = (float) (y * (ws[row * 3 + j] - wy));
            }
        }
        assertThat(vg((ops, in) -> ops.sumAll(ops.mul(ops.logSoftmax(in.get(0)), in.get(1))), x, w)
                .gradients().get(0).floats()).containsExactly(logSoftmaxGrad, within(1e-6f));
        assertThat(vg((ops, in) -> ops.sumAll(ops.mul(ops.softmax(in.get(0)), in.get(1))), x, w)
                .gradients().get(0).floats()).containsExactly(softmaxGrad, within(1e-6f));
    }
}
