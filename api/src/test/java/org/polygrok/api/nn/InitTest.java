package org.polygrok.api.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.polygrok.api.random.Mt19937;

class InitTest {

    private static float[] fill(Initializer init, long[] shape, long seed) {
        float[] values = new float[(int) org.polygrok.api.Shapes.size(shape)];
        init.fill(values, shape, new Mt19937(seed));
        return values;
    }

    @Test
    void linearWeightDrawsNumpysUniformOverOneOverSqrtFanIn() {
        // numpy: RandomState(7).uniform(-1/sqrt(5), 1/sqrt(5), 4).astype(float32)
        float[] w = fill(Init.linearWeight(), new long[] {2, 5}, 7);
        assertThat(w).startsWith(-0.37896138429641724f, 0.2503669857978821f, -0.055088456720113754f,
                0.19987332820892334f);
        assertThat((double) maxAbs(w)).isLessThanOrEqualTo(1 / Math.sqrt(5));
    }

    @Test
    void linearBiasUsesTheLayersFanIn() {
        float[] b = fill(Init.linearBias(5), new long[] {4}, 7);
        assertThat(b).containsExactly(-0.37896138429641724f, 0.2503669857978821f, -0.055088456720113754f,
                0.19987332820892334f);
    }

    @Test
    void xavierUniformBoundIsSqrtSixOverFanInPlusFanOut() {
        // numpy: RandomState(7).uniform(-sqrt(6/8), sqrt(6/8), 3) for a (3, 5) weight
        float[] w = fill(Init.xavierUniform(), new long[] {3, 5}, 7);
        assertThat(w).startsWith(-0.7338555455207825f, 0.48483356833457947f, -0.10667833685874939f);
        float[] big = fill(Init.xavierUniform(), new long[] {128, 256}, 1);
        double bound = Math.sqrt(6.0 / 384);
        assertThat((double) maxAbs(big)).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
    }

    @Test
    void standardNormalMatchesNumpyAndZeroesThePaddingRowAfterDrawingIt() {
        // numpy: RandomState(7).standard_normal(5)
        float[] n = fill(Init.standardNormal(), new long[] {5}, 7);
        assertThat(n).containsExactly(1.6905256509780884f, -0.46593737602233887f, 0.032820165157318115f,
                0.4075162708759308f, -0.7889230251312256f);
        float[] table = fill(Init.standardNormalWithZeroRow(1), new long[] {3, 2}, 7);
        assertThat(table).containsExactly(1.6905256509780884f, -0.46593737602233887f, 0f, 0f,
                -0.7889230251312256f, table[5]);
        assertThatThrownBy(() -> fill(Init.standardNormalWithZeroRow(3), new long[] {3, 2}, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padding row 3");
    }

    @Test
    void zerosAndOnesDrawNothing() {
        Mt19937 random = new Mt19937(3);
        float[] z = {5, 5};
        float[] o = {5, 5, 5};
        Init.zeros().fill(z, new long[] {2}, random);
        Init.ones().fill(o, new long[] {3}, random);
        assertThat(z).containsExactly(0f, 0f);
        assertThat(o).containsExactly(1f, 1f, 1f);
        assertThat(random.nextUnsignedInt()).isEqualTo(new Mt19937(3).nextUnsignedInt());
    }

    @Test
    void matrixInitialisersRejectOtherShapes() {
        assertThatThrownBy(() -> fill(Init.linearWeight(), new long[] {4}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a matrix");
        assertThatThrownBy(() -> Init.linearBias(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static float maxAbs(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
