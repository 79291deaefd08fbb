package org.polygrok.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.Tensor;
import org.polygrok.api.tck.Close;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;
import org.polygrok.api.train.OptimizerSpec.Kind;

/**
 * The api's optimizer rules, run on the reference ops, against torch.optim in float64:
 * p = [1, −2, 0.5], gradients [0.5, −0.1, 2], [−0.25, 0.3, 1], [0.1, 0.1, −0.5], lr 0.1,
 * weight decay 0.5. Step scalars and constants are float32 as on a backend, hence 1e-6.
 */
class OptimizersTest {
    static final double[][] GRADIENTS = {{0.5, -0.1, 2.0}, {-0.25, 0.3, 1.0}, {0.1, 0.1, -0.5}};
    static final double TOLERANCE = 1e-6;

    private final ReferenceOps ops = new ReferenceOps();

    static OptimizerSpec spec(Kind kind) {
        return new OptimizerSpec(kind, 0.1, 0.5, 0.9, 0.999, 1e-8, 0.9);
    }

    @Test
    void adamWIsTorchAdamW() {
        List<Tensor> slots = run(Kind.ADAMW, new double[][] {
            {0.8500000019999999, -1.8000000099999989, 0.3750000005},
            {0.7808662986078463, -1.7594189906200652, 0.2630320371835104},
            {0.7102986279953237, -1.7271400477842866, 0.19351429809626317}});
        Close.assertClose("exp_avg", values(slots.get(0)),
                new double[] {0.027999999999999997, 0.028899999999999995, 0.20199999999999996}, TOLERANCE, 0);
        Close.assertClose("exp_avg_sq", values(slots.get(1)),
                new double[] {0.0003219377500000003, 0.00010989001000000009, 0.005241004000000005}, TOLERANCE, 0);
    }

    @Test
    void adamIsTorchAdamWithCoupledDecay() {
        run(Kind.ADAM, new double[][] {
            {0.900000001, -1.900000000909091, 0.40000000044444445},
            {0.8196959042420043, -1.8044499214763983, 0.30585192268545963},
            {0.735595172997426, -1.7079227287232484, 0.24236405789539622}});
    }

    @Test
    void sgdIsTorchSgd() {
        run(Kind.SGD, new double[][] {
            {0.9, -1.89, 0.27499999999999997},
            {0.88, -1.8255, 0.16124999999999998},
            {0.826, -1.744225, 0.20318749999999997}});
    }

    @Test
    void momentumIsTorchSgdWithMomentum() {
        List<Tensor> slots = run(Kind.MOMENTUM, new double[][] {
            {0.9, -1.89, 0.27499999999999997},
            {0.79, -1.7265, -0.041250000000000016},
            {0.6415000000000001, -1.5030249999999998, -0.2738125}});
        Close.assertClose("momentum_buffer", values(slots.get(0)), new double[] {1.485, -2.23475, 2.325625}, TOLERANCE, 0);
    }

    @Test
    void momentumStartsItsBufferAsTheGradientEvenFromNonZeroSlots() {
        OptimizerRule rule = Optimizers.rule(spec(Kind.MOMENTUM));
        assertThat(rule.stepScalars(1)).containsExactly(0f);
        assertThat(rule.stepScalars(2)).containsExactly(0.9f);
        List<Tensor> out = rule.update(ops, ReferenceTensor.of(new double[] {1}, 1), ReferenceTensor.of(new double[] {2}, 1),
                List.of(ReferenceTensor.of(new double[] {100}, 1)), List.of(ops.scalar(rule.stepScalars(1)[0])));
        assertThat(values(out.get(1))).containsExactly(2.5); // 2 + 0.5·1, the old buffer ignored
    }

    @Test
    void slotNamesAreTorchStateNames() {
        assertThat(Optimizers.rule(spec(Kind.ADAMW)).slotNames()).containsExactly("exp_avg", "exp_avg_sq");
        assertThat(Optimizers.rule(spec(Kind.ADAM)).slotNames()).containsExactly("exp_avg", "exp_avg_sq");
        assertThat(Optimizers.rule(spec(Kind.SGD)).slotNames()).isEmpty();
        assertThat(Optimizers.rule(spec(Kind.MOMENTUM)).slotNames()).containsExactly("momentum_buffer");
    }

    @Test
    void stepsCountFromOne() {
        for (Kind kind : Kind.values()) {
            assertThatThrownBy(() -> Optimizers.rule(spec(kind)).stepScalars(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Three steps of one parameter; checks the parameter after each; returns the final slots. */
    private List<Tensor> run(Kind kind, double[][] expected) {
        OptimizerRule rule = Optimizers.rule(spec(kind));
        Tensor p = ReferenceTensor.of(new double[] {1.0, -2.0, 0.5}, 3);
        List<Tensor> slots = new ArrayList<>();
        rule.slotNames().forEach(n -> slots.add(ReferenceTensor.of(new double[3], 3)));
        for (int t = 0; t < 3; t++) {
            List<Tensor> scalars = new ArrayList<>();
            for (float s : rule.stepScalars(t + 1)) {
                scalars.add(ops.scalar(s));
            }
            List<Tensor> out = rule.update(ops, p, ReferenceTensor.of(GRADIENTS[t], 3), slots, scalars);
            assertThat(out).hasSize(1 + rule.slotNames().size());
            p = out.get(0);
            slots.clear();
            slots.addAll(out.subList(1, out.size()));
            Close.assertClose(kind + " step " + (t + 1), values(p), expected[t], TOLERANCE, 0);
        }
        return slots;
    }

    private static double[] values(Tensor t) {
        return ((ReferenceTensor) t).values();
    }
}
