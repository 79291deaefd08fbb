package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.OptimizerSpec.Kind;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.TrainSpec;

/**
 * The host update against the api's update traced into SameDiff and run by libnd4j ({@link UpdateGraph}),
 * from the same arrays for three steps, over more than two tiles: bit for bit where clipping does not
 * bind (the traced update then scales by exactly 1); where it binds, within 1e-5 of each array's
 * largest element, since libnd4j sums the gradient's squares in float and the host update in double.
 */
class HostUpdateTest {
    private static final int SIZE = 2 * HostUpdate.TILE + 1811;

    static Stream<Arguments> specs() {
        return Stream.of(Arguments.of(new TrainSpec(OptimizerSpec.defaults(), 1e4), true),
                Arguments.of(new TrainSpec(OptimizerSpec.adamW(1e-2, 0), 0), true),
                Arguments.of(new TrainSpec(spec(Kind.ADAM, 1e-2, 0.1), 0), true),
                Arguments.of(new TrainSpec(spec(Kind.SGD, 0.5, 0.01), 1e4), true),
                Arguments.of(new TrainSpec(spec(Kind.MOMENTUM, 0.1, 0.01), 0), true),
                Arguments.of(new TrainSpec(OptimizerSpec.defaults(), 0.5), false),
                Arguments.of(new TrainSpec(spec(Kind.SGD, 0.5, 0.01), 0.2), false));
    }

    private static OptimizerSpec spec(Kind kind, double lr, double weightDecay) {
        return new OptimizerSpec(kind, lr, weightDecay, 0.9, 0.999, 1e-8, 0.9);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void theHostUpdateEqualsTheTracedUpdate(TrainSpec spec, boolean bitForBit) {
        Nd4jTesting.backend();
        ParameterUpdate update = new ParameterUpdate(spec);
        Arrays host = new Arrays(update);
        Arrays traced = new Arrays(update);
        HostUpdate hostUpdate = new HostUpdate(update, host.weights, host.gradient, host.slots);
        try (UpdateGraph graph = new UpdateGraph(update, SIZE)) {
            for (int step = 1; step <= 3; step++) {
                INDArray gradient = Nd4jTesting.normal(100 + step, SIZE).muli(0.01);
                host.gradient.assign(gradient);
                traced.gradient.assign(gradient);
                hostUpdate.apply(step);
                graph.apply(step, traced.weights, traced.gradient, traced.slots, 1);
                assertEqual(spec + ", step " + step + ": weights", host.weights, traced.weights, bitForBit);
                for (int s = 0; s < host.slots.size(); s++) {
                    assertEqual(spec + ", step " + step + ": " + update.slotNames().get(s), host.slots.get(s),
                            traced.slots.get(s), bitForBit);
                }
            }
        }
    }

    private static void assertEqual(String what, INDArray actual, INDArray expected, boolean bitForBit) {
        float[] a = actual.toFloatVector();
        float[] e = expected.toFloatVector();
        if (bitForBit) {
            assertThat(a).as(what).containsExactly(e);
            return;
        }
        float scale = 0; // an element can be a small difference of larger terms: errors scale with the array's largest
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("%s [%d]", what, i).isCloseTo(e[i], within(1e-5f * scale));
        }
    }

    /** One set of flat weights (seeded normal), gradient and zero slots. */
    private static final class Arrays {
        final INDArray weights = Nd4jTesting.normal(1, SIZE);
        final INDArray gradient = Nd4jTesting.normal(2, SIZE);
        final List<INDArray> slots = new ArrayList<>();

        Arrays(ParameterUpdate update) {
            for (int i = 0; i < update.slotNames().size(); i++) {
                slots.add(weights.like().assign(0));
            }
        }
    }
}
