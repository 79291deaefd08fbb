package org.polygrok.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.ValueAndGradients;

/** DjlOps against values worked out by hand. */
class DjlOpsTest {
    private static DjlBackend backend;

    @BeforeAll
    static void open() {
        backend = (DjlBackend) new DjlBackendProvider().create(new BackendOptions(1, false));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static HostArray run(BiFunction<Ops, List<Tensor>, Tensor> f, HostArray... inputs) {
        return backend.run((ops, in) -> List.of(f.apply(ops, in)), List.of(inputs)).get(0);
    }

    private static HostArray f(float[] values, long... shape) {
        return HostArray.of(values, shape);
    }

    @Test
    void elementWiseOpsBroadcastAsNumpy() {
        HostArray a = f(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        HostArray row = f(new float[] {10, 20, 30}, 3);
        HostArray col = f(new float[] {2, 4}, 2, 1);
        assertThat(run((o, x) -> o.add(x.get(0), x.get(1)), a, row).floats()).containsExactly(11, 22, 33, 14, 25, 36);
        assertThat(run((o, x) -> o.sub(x.get(0), x.get(1)), a, col).floats()).containsExactly(-1, 0, 1, 0, 1, 2);
        assertThat(run((o, x) -> o.mul(x.get(1), x.get(0)), a, col).floats()).containsExactly(2, 4, 6, 16, 20, 24);
        HostArray q = run((o, x) -> o.div(x.get(0), x.get(1)), a, col);
        assertThat(q.shape()).containsExactly(2, 3);
        assertThat(q.floats()).containsExactly(0.5f, 1, 1.5f, 1, 1.25f, 1.5f);
        assertThat(run((o, x) -> o.minimum(x.get(0), x.get(1)), a, f(new float[] {3}, 1)).floats())
                .containsExactly(1, 2, 3, 3, 3, 3);
        assertThatThrownBy(() -> run((o, x) -> o.add(x.get(0), x.get(1)), a, f(new float[] {1, 2}, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not broadcast");
    }

    @Test
    void fusedLayersRejectMismatchedShapesInOneSentence() {
        HostArray x = f(new float[6], 1, 2, 3); // (B, S, d_in) = (1, 2, 3)
        HostArray weight = f(new float[12], 2, 6); // a gate for d_in = 4, d_h = 2
        HostArray bias = f(new float[2], 2);
        assertThatThrownBy(() -> run((o, in) -> o.lstmLayer(in.get(0), new LstmGates(gate(in), gate(in), gate(in),
                gate(in))), x, weight, bias))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs x (B, S, 4), got [1, 2, 3]");
        assertThatThrownBy(() -> run((o, in) -> o.layerNorm(in.get(0), in.get(1), in.get(1), 1e-5f), x, bias))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs weight and bias (3)");
    }

    private static LstmGates.Gate gate(List<Tensor> in) {
        return new LstmGates.Gate(in.get(1), in.get(2));
    }

    @Test
    void unaryOps() {
        HostArray x = f(new float[] {0, 1, -2}, 3);
        assertThat(run((o, t) -> o.neg(t.get(0)), f(new float[] {3, 1, -2}, 3)).floats()).containsExactly(-3, -1, 2);
        assertThat(run((o, t) -> o.exp(t.get(0)), x).floats()).containsExactly(1, (float) Math.E, (float) Math.exp(-2));
        assertThat(run((o, t) -> o.log(t.get(0)), f(new float[] {1, (float) Math.E}, 2)).floats()[1]).isCloseTo(1f, within(1e-6f));
        assertThat(run((o, t) -> o.sqrt(t.get(0)), f(new float[] {4, 9}, 2)).floats()).containsExactly(2, 3);
        assertThat(run((o, t) -> o.tanh(t.get(0)), x).floats()[1]).isCloseTo((float) Math.tanh(1), within(1e-6f));
        assertThat(run((o, t) -> o.sigmoid(t.get(0)), x).floats()[0]).isEqualTo(0.5f);
        float[] erf = run((o, t) -> o.erf(t.get(0)), x).floats();
        assertThat(erf[0]).isEqualTo(0f);
        assertThat(erf[1]).isCloseTo(0.8427008f, within(1e-6f));
        assertThat(erf[2]).isCloseTo(-0.9953223f, within(1e-6f));
    }

    @Test
    void matmulAndLinear() {
        HostArray a = f(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        HostArray b = f(new float[] {1, 0, 0, 1, 1, 1}, 1, 3, 2);
        HostArray ab = run((o, t) -> o.matmul(t.get(0), t.get(1)), a, b);
        assertThat(ab.shape()).containsExactly(1, 2, 2);
        assertThat(ab.floats()).containsExactly(4, 5, 10, 11);
        HostArray w = f(new float[] {1, 0, 0, 0, 1, 1}, 2, 3); // (out 2, in 3)
        HostArray bias = f(new float[] {0.5f, -1}, 2);
        HostArray y = run((o, t) -> o.linear(t.get(0), t.get(1), t.get(2)), a, w, bias);
        assertThat(y.shape()).containsExactly(1, 2, 2);
        assertThat(y.floats()).containsExactly(1.5f, 4, 4.5f, 10);
        assertThat(run((o, t) -> o.linear(t.get(0), t.get(1), null), a, w).floats()).containsExactly(1, 5, 4, 11);
        assertThatThrownBy(() -> run((o, t) -> o.matmul(t.get(0), t.get(0)), a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matmul");
    }

    @Test
    void shapeOps() {
        HostArray a = f(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
        HostArray r = run((o, t) -> o.reshape(t.get(0), 3, -1), a);
        assertThat(r.shape()).containsExactly(3, 2);
        HostArray tr = run((o, t) -> o.transpose(t.get(0), 1, 0), a);
        assertThat(tr.shape()).containsExactly(3, 2);
        assertThat(tr.floats()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(run((o, t) -> o.transpose(t.get(0), -1, -2), a).floats()).containsExactly(0, 3, 1, 4, 2, 5);
        HostArray c = run((o, t) -> o.concat(List.of(t.get(0), t.get(0)), -1), a);
        assertThat(c.shape()).containsExactly(2, 6);
        assertThat(c.floats()).containsExactly(0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5);
        HostArray s = run((o, t) -> o.stack(List.of(t.get(0), t.get(0)), -1), a);
        assertThat(s.shape()).containsExactly(2, 3, 2);
        assertThat(s.floats()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        HostArray sl = run((o, t) -> o.slice(t.get(0), -1, 1, 3), a);
        assertThat(sl.shape()).containsExactly(2, 2);
        assertThat(sl.floats()).containsExactly(1, 2, 4, 5);
        assertThatThrownBy(() -> run((o, t) -> o.reshape(t.get(0), 4, -1), a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot reshape");
        assertThatThrownBy(() -> run((o, t) -> o.slice(t.get(0), 1, 2, 4), a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside axis 1");
    }

    @Test
    void reductionsWithNegativeAxes() {
        HostArray a = f(new float[] {1, 5, 3, 4, 2, 6}, 2, 3);
        HostArray sum = run((o, t) -> o.sum(t.get(0), -1, false), a);
        assertThat(sum.shape()).containsExactly(2);
        assertThat(sum.floats()).containsExactly(9, 12);
        HostArray mean = run((o, t) -> o.mean(t.get(0), 0, true), a);
        assertThat(mean.shape()).containsExactly(1, 3);
        assertThat(mean.floats()).containsExactly(2.5f, 3.5f, 4.5f);
        assertThat(run((o, t) -> o.max(t.get(0), -1, false), a).floats()).containsExactly(5, 6);
        HostArray all = run((o, t) -> o.sumAll(t.get(0)), a);
        assertThat(all.shape()).isEmpty();
        assertThat(all.item()).isEqualTo(21);
    }

    @Test
    void softmaxAndLogSoftmaxOverTheLastAxis() {
        HostArray a = f(new float[] {0, (float) Math.log(3), 5, 5}, 2, 2);
        assertThat(run((o, t) -> o.softmax(t.get(0)), a).floats()).containsExactly(
                new float[] {0.25f, 0.75f, 0.5f, 0.5f}, within(1e-6f));
        float[] ls = run((o, t) -> o.logSoftmax(t.get(0)), a).floats();
        assertThat(ls[0]).isCloseTo((float) Math.log(0.25), within(1e-6f));
        assertThat(ls[3]).isCloseTo((float) Math.log(0.5), within(1e-6f));
    }

    @Test
    void gatherIsAnEmbeddingLookup() {
        HostArray table = f(new float[] {0, 0, 1, 1, 2, 2}, 3, 2);
        HostArray ids = HostArray.ofInts(new int[] {2, 0, 1, 2}, 2, 2);
        HostArray out = run((o, t) -> o.gather(t.get(0), t.get(1)), table, ids);
        assertThat(out.shape()).containsExactly(2, 2, 2);
        assertThat(out.floats()).containsExactly(2, 2, 0, 0, 1, 1, 2, 2);
    }

    @Test
    void constantsOneHotArgMaxAndEqual() {
        HostArray ids = HostArray.ofInts(new int[] {1, 0, 2}, 3);
        HostArray oh = run((o, t) -> o.oneHot(t.get(0), 3), ids);
        assertThat(oh.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(oh.shape()).containsExactly(3, 3);
        assertThat(oh.floats()).containsExactly(0, 1, 0, 1, 0, 0, 0, 0, 1);
        HostArray ties = f(new float[] {1, 3, 3, 7, 7, 7, 0, -1, 0}, 3, 3);
        HostArray am = run((o, t) -> o.argMax(t.get(0)), ties);
        assertThat(am.dtype()).isEqualTo(DType.INT32);
        assertThat(am.ints()).containsExactly(1, 0, 0);
        HostArray eq = run((o, t) -> o.equal(t.get(0), t.get(1)), ids, HostArray.ofInts(new int[] {1}, 1));
        assertThat(eq.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(eq.floats()).containsExactly(1, 0, 0);
        HostArray c = run((o, t) -> o.scalar(2.5f), ids);
        assertThat(c.shape()).isEmpty();
        assertThat(c.item()).isEqualTo(2.5f);
    }

    @Test
    void gradientsOfMinimumGoToTheFirstOperandOnTies() {
        ValueAndGradients vg = backend.valueAndGradients(
                (o, t) -> o.sumAll(o.minimum(t.get(0), t.get(1))),
                List.of(f(new float[] {1, 2, 3}, 3), f(new float[] {2, 2, 2}, 3)));
        assertThat(vg.value()).isEqualTo(5);
        assertThat(vg.gradients().get(0).floats()).containsExactly(1, 1, 0);
        assertThat(vg.gradients().get(1).floats()).containsExactly(0, 0, 1);
    }

    @Test
    void gradientsOfGatherLinearAndIntInputs() {
        // loss = sum(gather(table, ids) . w^T) with ids [0, 0, 2]: d/dtable row 0 = 2 w, row 2 = w, row 1 = 0
        ValueAndGradients vg = backend.valueAndGradients(
                (o, t) -> o.sumAll(o.linear(o.gather(t.get(0), t.get(1)), t.get(2), null)),
                List.of(f(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), HostArray.ofInts(new int[] {0, 0, 2}, 3),
                        f(new float[] {1, -1}, 1, 2)));
        assertThat(vg.value()).isEqualTo(-1 - 1 - 1);
        assertThat(vg.gradients().get(0).floats()).containsExactly(2, -2, 0, 0, 1, -1);
        assertThat(vg.gradients().get(1)).isNull();
        assertThat(vg.gradients().get(2).floats()).containsExactly(1 + 1 + 5, 2 + 2 + 6);
    }

    @Test
    void unusedFloatInputsGetZeroGradients() {
        ValueAndGradients vg = backend.valueAndGradients((o, t) -> o.sumAll(t.get(0)),
                List.of(f(new float[] {1, 2}, 2), f(new float[] {3, 4}, 2)));
        assertThat(vg.value()).isEqualTo(3);
        assertThat(vg.gradients().get(0).floats()).containsExactly(1, 1);
        assertThat(vg.gradients().get(1).floats()).containsExactly(0, 0);
    }
}
