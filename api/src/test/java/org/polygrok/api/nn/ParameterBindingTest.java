package org.polygrok.api.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.tck.reference.ReferenceOps;

class ParameterBindingTest {

    @Test
    void answersParametersFromItsTensorsAndPassesTheRestOn() {
        Linear layer = new Linear(2, 1, true);
        ReferenceOps engine = new ReferenceOps();
        Tensor weight = engine.constant(HostArray.of(new float[] {2, 3}, 1, 2));
        Tensor bias = engine.constant(HostArray.of(new float[] {0.5f}, 1));
        ParameterBinding ops = ParameterBinding.of(engine, layer.parameters(), List.of(weight, bias));
        assertThat(ops.param(layer.parameters().get(0))).isSameAs(weight);
        Tensor y = layer.forward(ops, engine.constant(HostArray.of(new float[] {1, 10}, 1, 2)));
        assertThat(y.toFloatArray()).containsExactly(32.5f); // 1·2 + 10·3 + 0.5
    }

    @Test
    void anUnboundParameterOrAMismatchedListIsAClearError() {
        Linear layer = new Linear(2, 1, false);
        ReferenceOps engine = new ReferenceOps();
        ParameterBinding ops = ParameterBinding.of(engine, List.of(), List.of());
        assertThatThrownBy(() -> ops.param(layer.parameters().get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter weight[1, 2] has no bound value");
        assertThatThrownBy(() -> ParameterBinding.of(engine, layer.parameters(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot bind 1 parameters to 0 tensors");
    }
}
