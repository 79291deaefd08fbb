package org.polygrok.api.tck.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.tck.Close;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.OptimizerSpec.Kind;

/**
 * The kit's optimizers against torch.optim in float64: p = [1, −2, 0.5], gradients
 * [0.5, −0.1, 2], [−0.25, 0.3, 1], [0.1, 0.1, −0.5], lr 0.1, weight decay 0.5 (expected values
 * printed by torch 2).
 */
class ReferenceOptimizerTest {
    static final double[][] GRADIENTS = {{0.5, -0.1, 2.0}, {-0.25, 0.3, 1.0}, {0.1, 0.1, -0.5}};

    static OptimizerSpec spec(Kind kind) {
        return new OptimizerSpec(kind, 0.1, 0.5, 0.9, 0.999, 1e-8, 0.9);
    }

    @Test
    void adamW() {
        List<double[]> state = check(Kind.ADAMW, new double[][] {
            {0.8500000019999999, -1.8000000099999989, 0.3750000005},
            {0.7808662986078463, -1.7594189906200652, 0.2630320371835104},
            {0.7102986279953237, -1.7271400477842866, 0.19351429809626317}});
        Close.assertClose("exp_avg", state.get(0), new double[] {0.027999999999999997, 0.028899999999999995,
            0.20199999999999996}, 1e-12, 1e-15);
        Close.assertClose("exp_avg_sq", state.get(1), new double[] {0.0003219377500000003, 0.00010989001000000009,
            0.005241004000000005}, 1e-12, 1e-15);
    }

    @Test
    void adamWithCoupledWeightDecay() {
        List<double[]> state = check(Kind.ADAM, new double[][] {
            {0.900000001, -1.900000000909091, 0.40000000044444445},
            {0.8196959042420043, -1.8044499214763983, 0.30585192268545963},
            {0.735595172997426, -1.7079227287232484, 0.24236405789539622}});
        Close.assertClose("exp_avg", state.get(0), new double[] {0.14998479525710018, -0.22782249611472896,
            0.25554259615427294}, 1e-12, 1e-15);
        Close.assertClose("exp_avg_sq", state.get(1), new double[] {0.001297905934481781, 0.0022732235982217256,
            0.006611400451342673}, 1e-12, 1e-15);
    }

    @Test
    void sgd() {
        assertThat(check(Kind.SGD, new double[][] {
            {0.9, -1.89, 0.27499999999999997},
            {0.88, -1.8255, 0.16124999999999998},
            {0.826, -1.744225, 0.20318749999999997}})).isEmpty();
    }

    @Test
    void momentum() {
        List<double[]> state = check(Kind.MOMENTUM, new double[][] {
            {0.9, -1.89, 0.27499999999999997},
            {0.79, -1.7265, -0.041250000000000016},
            {0.6415000000000001, -1.5030249999999998, -0.2738125}});
        Close.assertClose("momentum_buffer", state.get(0), new double[] {1.485, -2.23475, 2.325625}, 1e-12, 1e-15);
    }

    private static List<double[]> check(Kind kind, double[][] expected) {
        ReferenceOptimizer optimizer = new ReferenceOptimizer(spec(kind));
        double[] theta = {1.0, -2.0, 0.5};
        List<double[]> state = new ArrayList<>();
        optimizer.stateNames().forEach(n -> state.add(new double[3]));
        for (int t = 0; t < 3; t++) {
            optimizer.step(t + 1, theta, GRADIENTS[t], state);
            Close.assertClose(kind + " step " + (t + 1), theta, expected[t], 1e-12, 1e-15);
        }
        return state;
    }
}
