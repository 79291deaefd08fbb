package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.HostArray;
import org.polygrok.api.ValueAndGradients;
import org.polygrok.api.tck.reference.ReferenceBackendProvider;

/** Runs {@link OpGradientsContract} on the plain-Java reference backend (proves the kit itself). */
class ReferenceBackendOpGradientsTest extends OpGradientsContract {
    @Override
    protected BackendProvider provider() {
        return new ReferenceBackendProvider();
    }

    /**
     * The reference differentiates by central differences, which split a tie of minimum evenly
     * instead of giving it to the first input as {@code Ops.minimum} specifies for autodiff.
     */
    @Test
    @Override
    void minimumGivesTheWholeGradientToItsFirstInputOnTies() {
        HostArray a = TestArrays.floats(new float[] {1, 2}, 2);
        HostArray b = TestArrays.floats(new float[] {1, 0}, 2);
        ValueAndGradients r = backend().valueAndGradients((ops, in) -> ops.sumAll(ops.minimum(in.get(0), in.get(1))),
                List.of(a, b));
        assertThat(r.gradients().get(0).floats()).containsExactly(0.5f, 0);
        assertThat(r.gradients().get(1).floats()).containsExactly(0.5f, 1);
    }
}
