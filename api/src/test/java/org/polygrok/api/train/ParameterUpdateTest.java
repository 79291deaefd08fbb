package org.polygrok.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;

/** Clipping then the rule, for all parameters at once; SGD makes the arithmetic visible. */
class ParameterUpdateTest {
    private final ReferenceOps ops = new ReferenceOps();
    private final List<Tensor> params = List.of(ReferenceTensor.of(new double[] {1, 1}, 2),
            ReferenceTensor.of(new double[] {1}, 1));
    private final List<Tensor> grads = List.of(ReferenceTensor.of(new double[] {3, 4}, 2),
            ReferenceTensor.of(new double[] {12}, 1));

    private static TrainSpec sgd(double clip) {
        return new TrainSpec(new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.1, 0, 0.9, 0.999, 1e-8, 0.9), clip);
    }

    @Test
    void clipsWithTheGlobalNormThenUpdatesEveryParameter() {
        ParameterUpdate.Result r = new ParameterUpdate(sgd(1.3)).apply(ops, params, grads, List.of(List.of(), List.of()),
                List.of());
        // coefficient 1.3 / 13 = 0.1: p − 0.1 · 0.1 · g
        assertThat(values(r.parameters().get(0))).containsExactly(new double[] {0.97, 0.96}, within(1e-7));
        assertThat(values(r.parameters().get(1))).containsExactly(new double[] {0.88}, within(1e-7));
        assertThat(values(r.gradientNorm())).containsExactly(13);
        assertThat(r.slots()).containsExactly(List.of(), List.of());
    }

    @Test
    void aZeroClipNormDisablesClippingButStillReportsTheNorm() {
        ParameterUpdate.Result r = new ParameterUpdate(sgd(0)).apply(ops, params, grads, List.of(List.of(), List.of()),
                List.of());
        assertThat(values(r.parameters().get(0))).containsExactly(new double[] {0.7, 0.6}, within(1e-7));
        assertThat(values(r.gradientNorm())).containsExactly(13);
    }

    @Test
    void slotsStartAtZeroWithTheParameterShape() {
        ParameterUpdate update = new ParameterUpdate(TrainSpec.defaults());
        assertThat(update.slotNames()).containsExactly("exp_avg", "exp_avg_sq");
        assertThat(update.initialSlots(new long[] {2, 3})).containsExactly(HostArray.zeros(2, 3), HostArray.zeros(2, 3));
    }

    @Test
    void mismatchedListsAreRejected() {
        assertThatThrownBy(() -> new ParameterUpdate(sgd(1)).apply(ops, params, grads.subList(0, 1),
                List.of(List.of(), List.of()), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one gradient");
    }

    private static double[] values(Tensor t) {
        return ((ReferenceTensor) t).values();
    }
}
