package org.polygrok.api.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.nn.Init;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.OptimizerState;

class FlatLayoutTest {
    private final Map<String, Parameter> named = new LinkedHashMap<>();

    FlatLayoutTest() {
        named.put("w", new Parameter("w", new long[] {2, 3}, Init.zeros()));
        named.put("b", new Parameter("b", new long[] {2}, Init.zeros()));
        named.put("s", new Parameter("s", new long[] {}, Init.zeros()));
    }

    @Test
    void parametersLieEndToEndInOrder() {
        FlatLayout layout = new FlatLayout(named);
        assertThat(layout.total()).isEqualTo(9);
        assertThat(layout.names()).containsExactly("w", "b", "s");
        assertThat(layout.sizes()).containsExactly(6, 2, 1);
        assertThat(layout.offset(0)).isZero();
        assertThat(layout.offset(1)).isEqualTo(6);
        assertThat(layout.offset(2)).isEqualTo(8);
        assertThat(layout.parameter(1)).isSameAs(named.get("b"));
    }

    @Test
    void joinAndSplitRoundTrip() {
        FlatLayout layout = new FlatLayout(named);
        Map<String, HostArray> values = new LinkedHashMap<>();
        values.put("w", HostArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        values.put("b", HostArray.of(new float[] {7, 8}, 2));
        values.put("s", HostArray.of(new float[] {9}));
        float[] flat = layout.join(values);
        assertThat(flat).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(layout.split(flat)).containsExactlyEntriesOf(values);
        assertThatThrownBy(() -> layout.split(new float[8])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("8 values, the layout 9");
    }

    @Test
    void slotsAreTransposedBetweenPerParameterAndPerSlot() {
        FlatLayout layout = new FlatLayout(named);
        float[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] second = {-1, -2, -3, -4, -5, -6, -7, -8, -9};
        OptimizerState state = layout.state(4, List.of(first, second));
        assertThat(state.step()).isEqualTo(4);
        assertThat(state.slots().get("b")).containsExactly(HostArray.of(new float[] {7, 8}, 2),
                HostArray.of(new float[] {-7, -8}, 2));
        List<float[]> back = layout.joinSlots(state, 2);
        assertThat(back.get(0)).containsExactly(first);
        assertThat(back.get(1)).containsExactly(second);
    }

    @Test
    void aModelWithoutParametersHasNoLayout() {
        assertThatThrownBy(() -> new FlatLayout(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the model has no parameters to train");
    }
}
