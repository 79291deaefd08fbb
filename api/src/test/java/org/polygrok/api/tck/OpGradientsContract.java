package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polygrok.api.tck.TestArrays.distinct;
import static org.polygrok.api.tck.TestArrays.ids;
import static org.polygrok.api.tck.TestArrays.ints;
import static org.polygrok.api.tck.TestArrays.normal;
import static org.polygrok.api.tck.TestArrays.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.ScalarFunction;
import org.polygrok.api.Tensor;
import org.polygrok.api.ValueAndGradients;
import org.polygrok.api.tck.reference.FiniteDifferences;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;
import org.polygrok.api.train.RhsLoss;

/**
 * The gradient of each differentiable op by the backend's own autodiff: for f(x) = Σ op(x)·w with a
 * fixed random w, {@code Backend.valueAndGradients} against central finite differences of the same
 * f on {@link ReferenceOps} in double precision (step 1e-4·max(1, |x|)), for every FLOAT32 input;
 * within 1e-3 relative (+ 1e-5 of the largest gradient). Inputs avoid kinks and ties.
 */
public abstract class OpGradientsContract extends BackendContract {
    public static final double RTOL = 1e-3;
    public static final double ATOL = 1e-5;
    static final double STEP = 1e-4;

    /** An op whose weighted sum is differentiated. */
    public record GradientCase(String name, BiFunction<Ops, List<Tensor>, Tensor> op, List<HostArray> inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static GradientCase g(String name, BiFunction<Ops, List<Tensor>, Tensor> op, HostArray... inputs) {
        return new GradientCase(name, op, List.of(inputs));
    }

    Stream<GradientCase> cases() {
        return Stream.of(
                g("add (2,3,4)+(4)", (o, x) -> o.add(x.get(0), x.get(1)), normal(1, 2, 3, 4), normal(2, 4)),
                g("sub (2,1,4)-(3,1)", (o, x) -> o.sub(x.get(0), x.get(1)), normal(3, 2, 1, 4), normal(4, 3, 1)),
                g("mul (2,1,4)*(3,1)", (o, x) -> o.mul(x.get(0), x.get(1)), normal(5, 2, 1, 4), normal(6, 3, 1)),
                g("div (3,4)/(1,4)", (o, x) -> o.div(x.get(0), x.get(1)), normal(7, 3, 4), uniform(8, 1, 2, 1, 4)),
                g("minimum (2,3),(2,3)", (o, x) -> o.minimum(x.get(0), x.get(1)), distinct(9, 2, 3), uniform(10, -2, 2, 2, 3)),
                g("minimum (2,3),(3)", (o, x) -> o.minimum(x.get(0), x.get(1)), distinct(11, 2, 3), uniform(12, -0.9, 0.9, 3)),
                g("neg", (o, x) -> o.neg(x.get(0)), normal(13, 2, 3)),
                g("exp", (o, x) -> o.exp(x.get(0)), uniform(14, -2, 2, 2, 3)),
                g("log", (o, x) -> o.log(x.get(0)), uniform(15, 0.5, 3, 2, 3)),
                g("sqrt", (o, x) -> o.sqrt(x.get(0)), uniform(16, 0.5, 3, 2, 3)),
                g("tanh", (o, x) -> o.tanh(x.get(0)), uniform(17, -2, 2, 2, 3)),
                g("sigmoid", (o, x) -> o.sigmoid(x.get(0)), uniform(18, -3, 3, 2, 3)),
                g("erf", (o, x) -> o.erf(x.get(0)), uniform(19, -2, 2, 2, 3)),
                g("matmul (3,4)x(4,2)", (o, x) -> o.matmul(x.get(0), x.get(1)), normal(20, 3, 4), normal(21, 4, 2)),
                g("matmul (2,3,4,5)x(2,3,5,2)", (o, x) -> o.matmul(x.get(0), x.get(1)),
                        normal(22, 2, 3, 4, 5), normal(23, 2, 3, 5, 2)),
                g("linear (2,3,5)·(4,5)ᵀ+(4)", (o, x) -> o.linear(x.get(0), x.get(1), x.get(2)),
                        normal(24, 2, 3, 5), normal(25, 4, 5), normal(26, 4)),
                g("linear no bias", (o, x) -> o.linear(x.get(0), x.get(1), null), normal(27, 2, 3, 5), normal(28, 4, 5)),
                g("reshape (2,3,4)->(6,-1)", (o, x) -> o.reshape(x.get(0), 6, -1), normal(29, 2, 3, 4)),
                g("transpose (2,3,4) [2,0,1]", (o, x) -> o.transpose(x.get(0), 2, 0, 1), normal(30, 2, 3, 4)),
                g("concat axis 1", (o, x) -> o.concat(x, 1), normal(31, 2, 1, 3), normal(32, 2, 3, 3), normal(33, 2, 2, 3)),
                g("stack axis 1", (o, x) -> o.stack(x, 1), normal(34, 2, 3), normal(35, 2, 3), normal(36, 2, 3)),
                g("slice axis 1 [1,4)", (o, x) -> o.slice(x.get(0), 1, 1, 4), normal(37, 2, 5, 3)),
                g("sum axis 1 keepDims", (o, x) -> o.sum(x.get(0), 1, true), normal(38, 2, 3, 4)),
                g("sum axis -1", (o, x) -> o.sum(x.get(0), -1, false), normal(39, 2, 3, 4)),
                g("mean axis 0", (o, x) -> o.mean(x.get(0), 0, false), normal(40, 2, 3, 4)),
                g("mean axis -1 keepDims", (o, x) -> o.mean(x.get(0), -1, true), normal(41, 2, 3, 4)),
                g("max axis 1", (o, x) -> o.max(x.get(0), 1, false), distinct(42, 2, 3, 4)),
                g("max axis -1 keepDims", (o, x) -> o.max(x.get(0), -1, true), distinct(43, 2, 3, 4)),
                g("sumAll", (o, x) -> o.sumAll(x.get(0)), normal(44, 2, 3, 4)),
                g("softmax (2,3,5)", (o, x) -> o.softmax(x.get(0)), normal(45, 2, 3, 5)),
                g("logSoftmax (2,3,5)", (o, x) -> o.logSoftmax(x.get(0)), normal(46, 2, 3, 5)),
                g("gather (6,3)[(2,4)] wrt the table", (o, x) -> o.gather(x.get(0), x.get(1)),
                        normal(47, 6, 3), ints(new int[] {5, 0, 5, 2, 0, 1, 1, 5}, 2, 4)),
                g("gelu", (o, x) -> o.gelu(x.get(0)), uniform(50, -3, 3, 2, 3)),
                g("layerNorm (2,3,5) wrt x, weight, bias", (o, x) -> o.layerNorm(x.get(0), x.get(1), x.get(2), 1e-5f),
                        normal(51, 2, 3, 5), normal(52, 5), normal(53, 5)),
                g("lstmLayer (2,3,2) -> 3 wrt x and every gate", (o, x) -> o.lstmLayer(x.get(0), OpValuesContract.lstmGates(x)),
                        OpValuesContract.lstmInputs(54, 2, 3, 2, 3)),
                g("two lstmLayers over an embedding with padding, wrt the table and every gate",
                        OpValuesContract::embeddedLstm, OpValuesContract.embeddedLstmInputs(55)),
                g("RhsLoss.mean wrt logits", (o, x) -> RhsLoss.mean(o, x.get(0), x.get(1), x.get(2)),
                        normal(48, 3, 4, 6), ids(49, 6, 3, 4),
                        TestArrays.floats(new float[] {0, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1}, 3, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradientCase c) {
        HostArray weights = outputWeights(c);
        ScalarFunction f = (ops, in) -> ops.sumAll(ops.mul(c.op().apply(ops, in), ops.constant(weights)));

        ValueAndGradients actual = backend().valueAndGradients(f, c.inputs());

        List<ReferenceTensor> inputs = c.inputs().stream().map(ReferenceTensor::of).toList();
        ReferenceOps reference = new ReferenceOps();
        java.util.function.ToDoubleFunction<List<ReferenceTensor>> fd =
                xs -> ((ReferenceTensor) f.apply(reference, new ArrayList<Tensor>(xs))).item();
        double value = fd.applyAsDouble(inputs);
        assertThat((double) actual.value()).as("%s: value", c.name())
                .isCloseTo(value, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(value))));
        assertThat(actual.gradients()).as("%s: one gradient per input", c.name()).hasSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).dtype() != DType.FLOAT32) {
                assertThat(actual.gradients().get(i)).as("%s: gradient of INT32 input %d", c.name(), i).isNull();
                continue;
            }
            double[] expected = FiniteDifferences.gradient(fd, inputs, i, STEP);
            HostArray g = actual.gradients().get(i);
            assertThat(g).as("%s: gradient of input %d", c.name(), i).isNotNull();
            assertThat(g.shape()).as("%s: gradient shape of input %d", c.name(), i).containsExactly(inputs.get(i).shape());
            Close.assertClose(c.name() + ": gradient of input " + i, Close.toDoubles(g.floats()), expected, RTOL,
                    ATOL * Math.max(1, Close.maxAbs(expected)));
        }
    }

    @Test
    void minimumGivesTheWholeGradientToItsFirstInputOnTies() {
        HostArray a = TestArrays.floats(new float[] {1, 2, 3}, 3);
        HostArray b = TestArrays.floats(new float[] {1, 0, 3}, 3);
        HostArray w = TestArrays.floats(new float[] {0.5f, -2, 4}, 3);
        ValueAndGradients r = backend().valueAndGradients(
                (ops, in) -> ops.sumAll(ops.mul(ops.minimum(in.get(0), in.get(1)), ops.constant(w))), List.of(a, b));
        assertThat(r.value()).isEqualTo(0.5f + 0 + 12);
        assertThat(r.gradients().get(0).floats()).as("gradient of a").containsExactly(0.5f, 0, 4);
        assertThat(r.gradients().get(1).floats()).as("gradient of b").containsExactly(0, -2, 0);
    }

    /** A fixed random weight of the op's output shape (found by running the op on the reference). */
    private static HostArray outputWeights(GradientCase c) {
        List<HostArray> out = new ReferenceOps().run((ops, in) -> List.of(c.op().apply(ops, in)), c.inputs());
        return normal(1000 + c.name().length(), out.get(0).shape());
    }
}
