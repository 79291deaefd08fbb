package org.polygrok.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.Tensor;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;

/** Global-norm clipping against torch's clip_grad_norm_ on gradients [3, 4] and [12] (norm 13). */
class GradientClippingTest {
    private final ReferenceOps ops = new ReferenceOps();
    private final List<Tensor> grads = List.of(ReferenceTensor.of(new double[] {3, 4}, 2),
            ReferenceTensor.of(new double[] {12}, 1));

    @Test
    void scalesEveryGradientByOneGlobalCoefficient() {
        GradientClipping.Clipped c = GradientClipping.clip(ops, grads, 1.0);
        assertThat(((ReferenceTensor) c.norm()).item()).isEqualTo(13.0);
        // torch.nn.utils.clip_grad_norm_([a, b], 1.0) in float64
        assertThat(values(c.gradients().get(0))).containsExactly(new double[] {0.23076921301775288, 0.3076922840236705},
                within(1e-9));
        assertThat(values(c.gradients().get(1))).containsExactly(new double[] {0.9230768520710115}, within(1e-9));
    }

    @Test
    void leavesGradientsAloneBelowTheLimit() {
        GradientClipping.Clipped c = GradientClipping.clip(ops, grads, 100);
        assertThat(values(c.gradients().get(0))).containsExactly(3, 4);
        assertThat(values(c.gradients().get(1))).containsExactly(12);
    }

    @Test
    void theHostCoefficientIsTheOneClipAppliesOnTensors() {
        GradientClipping.Clipped c = GradientClipping.clip(ops, grads, 1.0);
        float coefficient = GradientClipping.coefficient(13f, 1.0);
        assertThat(coefficient).isEqualTo(1f / (13f + (float) GradientClipping.EPSILON));
        assertThat(values(c.gradients().get(0))).containsExactly(new double[] {3 * coefficient, 4 * coefficient},
                within(1e-7));
        assertThat(GradientClipping.coefficient(13f, 100)).isEqualTo(1f);
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> GradientClipping.clip(ops, grads, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] values(Tensor t) {
        return ((ReferenceTensor) t).values();
    }
}
