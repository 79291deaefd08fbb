package org.polygrok.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.polygrok.tf.TfTesting.floats;
import static org.polygrok.tf.TfTesting.run1;
import static org.polygrok.tf.TfTesting.shape;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;

/** Each TensorFlow op against values worked out by hand. */
class TfOpsTest {
    private static final HostArray M23 = floats(shape(2, 3), 1, 2, 3, 4, 5, 6);

    @Test
    void addBroadcastsAsNumpy() {
        HostArray out = run1((ops, in) -> List.of(ops.add(in.get(0), in.get(1))), M23, floats(shape(3), 10, 20, 30));
        assertThat(out.shape()).containsExactly(2, 3);
        assertThat(out.floats()).containsExactly(11, 22, 33, 14, 25, 36);
        HostArray col = run1((ops, in) -> List.of(ops.mul(in.get(0), in.get(1))), M23, floats(shape(2, 1), 2, -1));
        assertThat(col.floats()).containsExactly(2, 4, 6, -4, -5, -6);
    }

    @Test
    void elementWiseFunctions() {
        HostArray x = floats(shape(3), 0.5f, 1f, 2f);
        assertThat(run1((ops, in) -> List.of(ops.sqrt(in.get(0))), x).floats())
                .containsExactly(new float[] {(float) Math.sqrt(0.5), 1f, (float) Math.sqrt(2)}, within(1e-6f));
        assertThat(run1((ops, in) -> List.of(ops.erf(in.get(0))), x).floats())
                .containsExactly(new float[] {0.5204999f, 0.8427008f, 0.9953223f}, within(1e-6f));
        assertThat(run1((ops, in) -> List.of(ops.sigmoid(in.get(0))), x).floats()[1]).isCloseTo(0.7310586f, within(1e-6f));
        assertThat(run1((ops, in) -> List.of(ops.div(ops.neg(in.get(0)), ops.scalar(2f))), x).floats())
                .containsExactly(-0.25f, -0.5f, -1f);
        assertThat(run1((ops, in) -> List.of(ops.minimum(in.get(0), ops.scalar(1f))), x).floats())
                .containsExactly(0.5f, 1f, 1f);
    }

    @Test
    void matmulAndBatchedMatmul() {
        HostArray b = floats(shape(3, 2), 1, 0, 0, 1, 1, 1);
        assertThat(run1((ops, in) -> List.of(ops.matmul(in.get(0), in.get(1))), M23, b).floats())
                .containsExactly(4, 5, 10, 11);
        HostArray a3 = floats(shape(2, 1, 2), 1, 2, 3, 4);
        HostArray b3 = floats(shape(2, 2, 1), 1, 1, 2, -1);
        HostArray out = run1((ops, in) -> List.of(ops.matmul(in.get(0), in.get(1))), a3, b3);
        assertThat(out.shape()).containsExactly(2, 1, 1);
        assertThat(out.floats()).containsExactly(3, 2);
    }

    @Test
    void linearIsXTimesWeightTransposedPlusBias() {
        HostArray x = floats(shape(2, 1, 3), 1, 2, 3, -1, 0, 1); // (2, 1, in=3)
        HostArray w = floats(shape(2, 3), 1, 0, 0, 1, 1, 1); // (out=2, in=3)
        HostArray bias = floats(shape(2), 0.5f, -0.5f);
        HostArray out = run1((ops, in) -> List.of(ops.linear(in.get(0), in.get(1), in.get(2))), x, w, bias);
        assertThat(out.shape()).containsExactly(2, 1, 2);
        assertThat(out.floats()).containsExactly(1.5f, 5.5f, -0.5f, -0.5f);
        HostArray noBias = run1((ops, in) -> List.of(ops.linear(in.get(0), in.get(1), null)), x, w);
        assertThat(noBias.floats()).containsExactly(1, 6, -1, 0);
    }

    @Test
    void shapeOps() {
        HostArray r = run1((ops, in) -> List.of(ops.reshape(in.get(0), 3, -1)), M23);
        assertThat(r.shape()).containsExactly(3, 2);
        HostArray t = run1((ops, in) -> List.of(ops.transpose(in.get(0), 1, 0)), M23);
        assertThat(t.shape()).containsExactly(3, 2);
        assertThat(t.floats()).containsExactly(1, 4, 2, 5, 3, 6);
        HostArray c = run1((ops, in) -> List.of(ops.concat(List.of(in.get(0), in.get(0)), -1)), M23);
        assertThat(c.shape()).containsExactly(2, 6);
        assertThat(c.floats()).containsExactly(1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6);
        HostArray s = run1((ops, in) -> List.of(ops.stack(List.of(in.get(0), in.get(0)), -1)), M23);
        assertThat(s.shape()).containsExactly(2, 3, 2);
        assertThat(s.floats()).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6);
        HostArray sl = run1((ops, in) -> List.of(ops.slice(in.get(0), -1, 1, 3)), M23);
        assertThat(sl.shape()).containsExactly(2, 2);
        assertThat(sl.floats()).containsExactly(2, 3, 5, 6);
    }

    @Test
    void reductions() {
        assertThat(run1((ops, in) -> List.of(ops.sum(in.get(0), -1, false)), M23).floats()).containsExactly(6, 15);
        HostArray mean = run1((ops, in) -> List.of(ops.mean(in.get(0), 0, true)), M23);
        assertThat(mean.shape()).containsExactly(1, 3);
        assertThat(mean.floats()).containsExactly(2.5f, 3.5f, 4.5f);
        assertThat(run1((ops, in) -> List.of(ops.max(in.get(0), 1, false)), M23).floats()).containsExactly(3, 6);
        HostArray all = run1((ops, in) -> List.of(ops.sumAll(in.get(0))), M23);
        assertThat(all.shape()).isEmpty();
        assertThat(all.item()).isEqualTo(21f);
    }

    @Test
    void softmaxAndLogSoftmaxOverTheLastAxis() {
        HostArray x = floats(shape(1, 3), 0, (float) Math.log(2), (float) Math.log(5));
        assertThat(run1((ops, in) -> List.of(ops.softmax(in.get(0))), x).floats())
                .containsExactly(new float[] {0.125f, 0.25f, 0.625f}, within(1e-6f));
        assertThat(run1((ops, in) -> List.of(ops.logSoftmax(in.get(0))), x).floats())
                .containsExactly(new float[] {(float) Math.log(0.125), (float) Math.log(0.25), (float) Math.log(0.625)},
                        within(1e-6f));
    }

    @Test
    void gatherOneHotArgMaxEqual() {
        HostArray table = floats(shape(3, 2), 0, 1, 10, 11, 20, 21);
        HostArray ids = HostArray.ofInts(new int[] {2, 0, 2, 1}, 2, 2);
        HostArray g = run1((ops, in) -> List.of(ops.gather(in.get(0), in.get(1))), table, ids);
        assertThat(g.shape()).containsExactly(2, 2, 2);
        assertThat(g.floats()).containsExactly(20, 21, 0, 1, 20, 21, 10, 11);
        HostArray oh = run1((ops, in) -> List.of(ops.oneHot(in.get(0), 3)), ids);
        assertThat(oh.shape()).containsExactly(2, 2, 3);
        assertThat(oh.floats()).containsExactly(0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0);
        HostArray ties = floats(shape(3, 4), 1, 3, 3, 0, 5, 5, 5, 5, -1, -2, -1, -3);
        HostArray am = run1((ops, in) -> List.of(ops.argMax(in.get(0))), ties);
        assertThat(am.dtype()).isEqualTo(DType.INT32);
        assertThat(am.ints()).containsExactly(1, 0, 0);
        HostArray eq = run1((ops, in) -> List.of(ops.equal(in.get(0), in.get(1))), ids, HostArray.ofInts(new int[] {2}, 1));
        assertThat(eq.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(eq.floats()).containsExactly(1, 0, 1, 0);
    }

    @Test
    void constantsAndInputsPassThrough() {
        List<HostArray> out = TfTesting.backend().run((ops, in) -> List.of(in.get(0),
                ops.constant(HostArray.ofInts(new int[] {7, 8}, 2)), ops.scalar(2.5f)), List.of(M23));
        assertThat(out.get(0)).isEqualTo(M23);
        assertThat(out.get(1).ints()).containsExactly(7, 8);
        assertThat(out.get(2).item()).isEqualTo(2.5f);
    }

    @Test
    void badShapesFailWithOneClearSentence() {
        assertThatThrownBy(() -> run1((ops, in) -> List.of(ops.add(in.get(0), in.get(1))), M23, floats(shape(2), 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not broadcast");
        assertThatThrownBy(() -> run1((ops, in) -> List.of(ops.matmul(in.get(0), in.get(0))), M23))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matmul");
        assertThatThrownBy(() -> run1((ops, in) -> List.of(ops.slice(in.get(0), 1, 2, 5)), M23))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside axis");
        assertThatThrownBy(() -> run1((ops, in) -> List.of(ops.reshape(in.get(0), 4, -1)), M23))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot reshape");
        assertThatThrownBy(() -> run1((ops, in) -> List.of(ops.sum(in.get(0), 2, false)), M23))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
