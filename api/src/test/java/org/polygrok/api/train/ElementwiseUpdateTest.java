package org.polygrok.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.api.Tensor;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;

/**
 * Every rule's element loop against its {@link OptimizerRule#update} on the reference ops (double
 * arithmetic), over three steps with a clipped gradient. The element loop's float arithmetic must
 * stay within float rounding of it (1e-5 relative, 1e-7 absolute); that it equals an engine's float ops bit for bit
 * is each backend's test (ND4J's {@code HostUpdateTest}).
 */
class ElementwiseUpdateTest {
    private static final int N = 37;
    private static final int STEPS = 3;
    private static final float GRAD_SCALE = 0.37f;

    static Stream<OptimizerSpec> specs() {
        return Stream.of(OptimizerSpec.defaults(), OptimizerSpec.adamW(1e-2, 0),
                spec(OptimizerSpec.Kind.ADAM, 1e-2, 0.1), spec(OptimizerSpec.Kind.ADAM, 1e-2, 0),
                spec(OptimizerSpec.Kind.SGD, 0.5, 0.01), spec(OptimizerSpec.Kind.SGD, 0.5, 0),
                spec(OptimizerSpec.Kind.MOMENTUM, 0.1, 0.01));
    }

    private static OptimizerSpec spec(OptimizerSpec.Kind kind, double lr, double weightDecay) {
        return new OptimizerSpec(kind, lr, weightDecay, 0.9, 0.999, 1e-8, 0.9);
    }

    @Test
    void everyBuiltInRuleHasAnElementLoop() {
        for (OptimizerSpec.Kind kind : OptimizerSpec.Kind.values()) {
            assertThat(Optimizers.rule(OptimizerSpec.defaults().withKind(kind)).elementwise()).as(kind.name()).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void theElementLoopFollowsTheRuleOnOps(OptimizerSpec spec) {
        OptimizerRule rule = Optimizers.rule(spec);
        ElementwiseUpdate loop = rule.elementwise().orElseThrow();
        Random random = new Random(7);
        float[] param = normal(random);
        float[][] slots = new float[rule.slotNames().size()][N];
        ReferenceOps ops = new ReferenceOps();
        Tensor expectedParam = tensor(param);
        List<Tensor> expectedSlots = new ArrayList<>();
        for (float[] slot : slots) {
            expectedSlots.add(tensor(slot));
        }
        for (int step = 1; step <= STEPS; step++) {
            float[] grad = normal(random);
            float[] stepScalars = rule.stepScalars(step);
            List<Tensor> scalars = new ArrayList<>();
            for (float s : stepScalars) {
                scalars.add(ops.scalar(s));
            }
            Tensor clipped = ops.mul(tensor(grad), ops.scalar(GRAD_SCALE));
            List<Tensor> updated = rule.update(ops, expectedParam, clipped, expectedSlots, scalars);
            expectedParam = updated.get(0);
            expectedSlots = updated.subList(1, updated.size());
            loop.apply(param, grad, GRAD_SCALE, slots, stepScalars, N);
            assertClose(spec + " parameter, step " + step, param, expectedParam);
            for (int s = 0; s < slots.length; s++) {
                assertClose(spec + " " + rule.slotNames().get(s) + ", step " + step, slots[s], expectedSlots.get(s));
            }
        }
    }

    @Test
    void theGradientScaleIsTheClippingCoefficientOrOne() {
        // squares summing to 169: norm 13, coefficient 1.3 / 13 = 0.1
        assertThat(new ParameterUpdate(new TrainSpec(OptimizerSpec.defaults(), 1.3)).gradientScale(169))
                .isCloseTo(0.1f, within(1e-7f));
        assertThat(new ParameterUpdate(new TrainSpec(OptimizerSpec.defaults(), 100)).gradientScale(169)).isEqualTo(1f);
        assertThat(new ParameterUpdate(new TrainSpec(OptimizerSpec.defaults(), 0)).gradientScale(169)).isEqualTo(1f);
    }

    @Test
    void squaresAreSummedOverEveryElementGiven() {
        float[] g = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99};
        assertThat(GradientClipping.addSquares(g, 10)).isEqualTo(385.0);
        assertThat(GradientClipping.addSquares(g, 3)).isEqualTo(14.0);
        assertThat(GradientClipping.addSquares(g, 0)).isEqualTo(0.0);
    }

    private static float[] normal(Random random) {
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static Tensor tensor(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return ReferenceTensor.of(d, v.length);
    }

    private static void assertClose(String what, float[] actual, Tensor expected) {
        double[] e = ((ReferenceTensor) expected).values();
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("%s [%d]", what, i).isCloseTo(e[i], within(1e-5 * Math.abs(e[i]) + 1e-7));
        }
    }
}
