package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polygrok.api.tck.OpCase.many;
import static org.polygrok.api.tck.OpCase.of;
import static org.polygrok.api.tck.TestArrays.distinct;
import static org.polygrok.api.tck.TestArrays.floats;
import static org.polygrok.api.tck.TestArrays.ids;
import static org.polygrok.api.tck.TestArrays.ints;
import static org.polygrok.api.tck.TestArrays.normal;
import static org.polygrok.api.tck.TestArrays.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.RhsLoss;
import org.polygrok.api.train.TrainSpec;

/**
 * Every op of {@link org.polygrok.api.Ops} through {@code Backend.run} on fixed inputs, against
 * {@link ReferenceOps}: shapes and dtypes exactly, FLOAT32 values within 1e-5 relative + 1e-6
 * absolute (scaled by the largest expected magnitude), INT32 values exactly.
 */
public abstract class OpValuesContract extends BackendContract {
    public static final double RTOL = 1e-5;
    public static final double ATOL = 1e-6;

    protected void check(OpCase c) {
        List<HostArray> actual = backend().run(c.function(), c.inputs());
        List<HostArray> expected = new ReferenceOps().run(c.function(), c.inputs());
        assertThat(actual).as("%s: number of outputs", c.name()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            HostArray e = expected.get(i);
            double scale = e.dtype() == DType.FLOAT32 ? Math.max(1, Close.maxAbs(Close.toDoubles(e.floats()))) : 1;
            Close.assertClose(c.name() + " output " + i, actual.get(i), e, RTOL, ATOL * scale);
        }
    }

    Stream<OpCase> elementWise() {
        return Stream.of(
                of("add (2,3,4)+(4)", (o, x) -> o.add(x.get(0), x.get(1)), normal(1, 2, 3, 4), normal(2, 4)),
                of("add (2,3,4)+(2,3,4)", (o, x) -> o.add(x.get(0), x.get(1)), normal(3, 2, 3, 4), normal(4, 2, 3, 4)),
                of("add []+[]", (o, x) -> o.add(x.get(0), x.get(1)), floats(new float[] {1.5f}), floats(new float[] {-4f})),
                of("sub (2,1,4)-(3,1)", (o, x) -> o.sub(x.get(0), x.get(1)), normal(5, 2, 1, 4), normal(6, 3, 1)),
                of("mul (2,1,4)*(3,1)", (o, x) -> o.mul(x.get(0), x.get(1)), normal(7, 2, 1, 4), normal(8, 3, 1)),
                of("mul (3,4)*scalar", (o, x) -> o.mul(x.get(0), o.scalar(-2.5f)), normal(9, 3, 4)),
                of("div (3,4)/(1,4)", (o, x) -> o.div(x.get(0), x.get(1)), normal(10, 3, 4), uniform(11, 0.5, 2, 1, 4)),
                of("minimum (2,3)-(3) with ties", (o, x) -> o.minimum(x.get(0), x.get(1)),
                        floats(new float[] {1, 2, 3, -1, 5, 0}, 2, 3), floats(new float[] {1, 0, 4}, 3)),
                of("neg (2,3)", (o, x) -> o.neg(x.get(0)), normal(12, 2, 3)),
                of("exp (2,3,4)", (o, x) -> o.exp(x.get(0)), uniform(13, -3, 3, 2, 3, 4)),
                of("log (2,3,4)", (o, x) -> o.log(x.get(0)), uniform(14, 0.01, 5, 2, 3, 4)),
                of("sqrt (2,3,4)", (o, x) -> o.sqrt(x.get(0)), uniform(15, 0, 5, 2, 3, 4)),
                of("tanh (2,3,4)", (o, x) -> o.tanh(x.get(0)), uniform(16, -4, 4, 2, 3, 4)),
                of("sigmoid (2,3,4)", (o, x) -> o.sigmoid(x.get(0)), uniform(17, -6, 6, 2, 3, 4)),
                of("sigmoid of ±40", (o, x) -> o.sigmoid(x.get(0)), floats(new float[] {-40, -20, 0, 20, 40}, 5)),
                of("erf (2,3,4)", (o, x) -> o.erf(x.get(0)), uniform(18, -3, 3, 2, 3, 4)),
                of("erf of wide values", (o, x) -> o.erf(x.get(0)),
                        floats(new float[] {-5, -2.5f, -0.1f, 0, 1e-3f, 0.5f, 1, 3.5f, 6}, 9)));
    }

    Stream<OpCase> linearAlgebra() {
        return Stream.of(
                of("matmul (4,5)x(5,3)", (o, x) -> o.matmul(x.get(0), x.get(1)), normal(20, 4, 5), normal(21, 5, 3)),
                of("matmul (2,3,4,5)x(2,3,5,2)", (o, x) -> o.matmul(x.get(0), x.get(1)),
                        normal(22, 2, 3, 4, 5), normal(23, 2, 3, 5, 2)),
                of("matmul (3,4,5)x(3,5,1)", (o, x) -> o.matmul(x.get(0), x.get(1)), normal(24, 3, 4, 5), normal(25, 3, 5, 1)),
                of("linear (2,3,5)·(4,5)ᵀ+(4)", (o, x) -> o.linear(x.get(0), x.get(1), x.get(2)),
                        normal(26, 2, 3, 5), normal(27, 4, 5), normal(28, 4)),
                of("linear (2,3,5)·(4,5)ᵀ no bias", (o, x) -> o.linear(x.get(0), x.get(1), null),
                        normal(29, 2, 3, 5), normal(30, 4, 5)),
                of("linear (6,5)·(3,5)ᵀ+(3)", (o, x) -> o.linear(x.get(0), x.get(1), x.get(2)),
                        normal(31, 6, 5), normal(32, 3, 5), normal(33, 3)),
                of("linear (5)·(2,5)ᵀ+(2)", (o, x) -> o.linear(x.get(0), x.get(1), x.get(2)),
                        normal(34, 5), normal(35, 2, 5), normal(36, 2)));
    }

    Stream<OpCase> shapes() {
        return Stream.of(
                of("reshape (2,3,4)->(6,-1)", (o, x) -> o.reshape(x.get(0), 6, -1), normal(40, 2, 3, 4)),
                of("reshape (2,3,4)->(-1)", (o, x) -> o.reshape(x.get(0), -1), normal(41, 2, 3, 4)),
                of("reshape (24)->(4,1,-1)", (o, x) -> o.reshape(x.get(0), 4, 1, -1), normal(42, 24)),
                of("reshape []->(1,1)", (o, x) -> o.reshape(x.get(0), 1, 1), floats(new float[] {3})),
                of("reshape INT32 (2,6)->(3,4)", (o, x) -> o.reshape(x.get(0), 3, 4), ids(43, 9, 2, 6)),
                of("transpose (2,3,4) [2,0,1]", (o, x) -> o.transpose(x.get(0), 2, 0, 1), normal(44, 2, 3, 4)),
                of("transpose (2,3,4) [0,2,1]", (o, x) -> o.transpose(x.get(0), 0, 2, 1), normal(45, 2, 3, 4)),
                of("transpose (2,3,4,5) [0,2,1,3]", (o, x) -> o.transpose(x.get(0), 0, 2, 1, 3), normal(46, 2, 3, 4, 5)),
                of("transpose (3,4) [1,0]", (o, x) -> o.transpose(x.get(0), 1, 0), normal(47, 3, 4)),
                of("transpose (2,3,4) [-1,0,-2]", (o, x) -> o.transpose(x.get(0), -1, 0, -2), normal(48, 2, 3, 4)),
                of("concat axis 1 (2,1,4)(2,3,4)(2,2,4)", (o, x) -> o.concat(x, 1),
                        normal(50, 2, 1, 4), normal(51, 2, 3, 4), normal(52, 2, 2, 4)),
                of("concat axis -1 (2,3)(2,1)", (o, x) -> o.concat(x, -1), normal(53, 2, 3), normal(54, 2, 1)),
                of("concat axis 0 (1,3)(2,3)", (o, x) -> o.concat(x, 0), normal(55, 1, 3), normal(56, 2, 3)),
                of("concat INT32 axis 1", (o, x) -> o.concat(x, 1), ids(57, 9, 2, 2), ids(58, 9, 2, 3)),
                of("stack axis 1 3x(2,3)", (o, x) -> o.stack(x, 1), normal(60, 2, 3), normal(61, 2, 3), normal(62, 2, 3)),
                of("stack axis 0 2x(2,3)", (o, x) -> o.stack(x, 0), normal(63, 2, 3), normal(64, 2, 3)),
                of("stack axis -1 2x(2,3)", (o, x) -> o.stack(x, -1), normal(65, 2, 3), normal(66, 2, 3)),
                of("slice (2,5,3) axis 1 [1,4)", (o, x) -> o.slice(x.get(0), 1, 1, 4), normal(70, 2, 5, 3)),
                of("slice (2,5,3) axis -1 [0,2)", (o, x) -> o.slice(x.get(0), -1, 0, 2), normal(71, 2, 5, 3)),
                of("slice (2,5,3) axis 0 [1,2)", (o, x) -> o.slice(x.get(0), 0, 1, 2), normal(72, 2, 5, 3)),
                of("slice (2,5,3) axis 1 [4,5)", (o, x) -> o.slice(x.get(0), 1, 4, 5), normal(73, 2, 5, 3)),
                of("slice INT32 (2,6) axis 1 [2,5)", (o, x) -> o.slice(x.get(0), 1, 2, 5), ids(74, 9, 2, 6)));
    }

    Stream<OpCase> reductions() {
        List<OpCase> cases = new ArrayList<>();
        int seed = 80;
        for (int axis : new int[] {0, 1, -1}) {
            for (boolean keep : new boolean[] {true, false}) {
                String suffix = " (2,3,4) axis " + axis + (keep ? " keepDims" : "");
                cases.add(of("sum" + suffix, (o, x) -> o.sum(x.get(0), axis, keep), normal(seed++, 2, 3, 4)));
                cases.add(of("mean" + suffix, (o, x) -> o.mean(x.get(0), axis, keep), normal(seed++, 2, 3, 4)));
                cases.add(of("max" + suffix, (o, x) -> o.max(x.get(0), axis, keep), normal(seed++, 2, 3, 4)));
            }
        }
        cases.add(of("sum (5) axis 0 -> []", (o, x) -> o.sum(x.get(0), 0, false), normal(seed++, 5)));
        cases.add(of("mean (5) axis 0 -> []", (o, x) -> o.mean(x.get(0), 0, false), normal(seed++, 5)));
        cases.add(of("max (3,4) with ties and negatives", (o, x) -> o.max(x.get(0), 1, false),
                floats(new float[] {-3, -1, -1, -2, 5, 5, 0, 1, -7, -8, -9, -7}, 3, 4)));
        cases.add(of("sumAll (2,3,4) -> []", (o, x) -> o.sumAll(x.get(0)), normal(seed++, 2, 3, 4)));
        cases.add(of("sumAll (5) -> []", (o, x) -> o.sumAll(x.get(0)), normal(seed, 5)));
        return cases.stream();
    }

    Stream<OpCase> neuralNetwork() {
        HostArray large = floats(new float[] {1000, 1001, 1002, -1000, -999, 0, 88, 89, -90}, 3, 3);
        return Stream.of(
                of("softmax (2,3,5)", (o, x) -> o.softmax(x.get(0)), normal(100, 2, 3, 5)),
                of("softmax (4)", (o, x) -> o.softmax(x.get(0)), normal(101, 4)),
                of("softmax of large values", (o, x) -> o.softmax(x.get(0)), large),
                of("logSoftmax (2,3,5)", (o, x) -> o.logSoftmax(x.get(0)), normal(102, 2, 3, 5)),
                of("logSoftmax of large values", (o, x) -> o.logSoftmax(x.get(0)), large),
                of("gather (6,3)[(2,4)]", (o, x) -> o.gather(x.get(0), x.get(1)), normal(103, 6, 3), ids(104, 6, 2, 4)),
                of("gather (6,3)[(5)] with repeats", (o, x) -> o.gather(x.get(0), x.get(1)),
                        normal(105, 6, 3), ints(new int[] {5, 0, 5, 2, 0}, 5)),
                of("oneHot (2,3) depth 5", (o, x) -> o.oneHot(x.get(0), 5), ids(106, 5, 2, 3)),
                of("argMax (2,3,5)", (o, x) -> o.argMax(x.get(0)), normal(107, 2, 3, 5)),
                of("argMax with ties", (o, x) -> o.argMax(x.get(0)),
                        floats(new float[] {1, 3, 3, 2, 7, 7, 7, 7, -1, -2, -1, -3}, 3, 4)),
                of("equal INT32 (2,3)", (o, x) -> o.equal(x.get(0), x.get(1)),
                        ints(new int[] {1, 2, 3, 4, 5, 6}, 2, 3), ints(new int[] {1, 0, 3, 0, 5, 0}, 2, 3)),
                of("equal INT32 (2,3) vs (3)", (o, x) -> o.equal(x.get(0), x.get(1)),
                        ints(new int[] {1, 2, 3, 1, 0, 3}, 2, 3), ints(new int[] {1, 0, 3}, 3)),
                of("equal FLOAT32 vs scalar", (o, x) -> o.equal(x.get(0), o.scalar(0f)),
                        floats(new float[] {0, 1, -0f, 2}, 4)));
    }

    Stream<OpCase> compoundLayers() {
        return Stream.of(
                of("gelu (2,3,4)", (o, x) -> o.gelu(x.get(0)), uniform(130, -5, 5, 2, 3, 4)),
                of("gelu of wide values", (o, x) -> o.gelu(x.get(0)),
                        floats(new float[] {-30, -6, -1e-3f, 0, 1e-3f, 0.7f, 6, 30}, 8)),
                of("layerNorm (2,3,5)", (o, x) -> o.layerNorm(x.get(0), x.get(1), x.get(2), 1e-5f),
                        normal(131, 2, 3, 5), normal(132, 5), normal(133, 5)),
                of("layerNorm of a near-constant row, eps 0.1", (o, x) -> o.layerNorm(x.get(0), x.get(1), x.get(2), 0.1f),
                        floats(new float[] {3, 3, 3, 3.01f, 1, -2, 0, 5}, 2, 4), normal(134, 4), normal(135, 4)),
                of("lstmLayer (3,4,2) -> 5", (o, x) -> o.lstmLayer(x.get(0), lstmGates(x)), lstmInputs(136, 3, 4, 2, 5)),
                of("lstmLayer one step (2,1,3) -> 3", (o, x) -> o.lstmLayer(x.get(0), lstmGates(x)),
                        lstmInputs(137, 2, 1, 3, 3)),
                of("embedding (6,3)[(2,4)], padding id 5", (o, x) -> o.embedding(x.get(0), x.get(1), 5),
                        normal(138, 6, 3), ints(new int[] {5, 0, 5, 2, 0, 1, 1, 4}, 2, 4)),
                of("two lstmLayers (2 -> 3 -> 3) over an embedding with padding", OpValuesContract::embeddedLstm,
                        embeddedLstmInputs(139)));
    }

    /** Two LSTM layers over the embedding of {@link #embeddedLstmInputs}: the language model's path from tokens. */
    static Tensor embeddedLstm(Ops o, List<Tensor> x) {
        Tensor embedded = o.embedding(x.get(0), x.get(1), 5); // (2, 4) -> (2, 4, 2)
        Tensor first = o.lstmLayer(embedded, lstmGates(x.subList(1, 10))); // (2, 4, 2) -> (2, 4, 3)
        return o.lstmLayer(first, lstmGates(x.subList(9, 18))); // (2, 4, 3) -> (2, 4, 3)
    }

    /** A (6, 2) table, ids (2, 4) with padding id 5, then the gates of a 2 -> 3 and a 3 -> 3 layer. */
    static HostArray[] embeddedLstmInputs(long seed) {
        HostArray[] first = lstmInputs(seed, 1, 1, 2, 3);
        HostArray[] second = lstmInputs(seed + 20, 1, 1, 3, 3);
        HostArray[] in = new HostArray[18];
        in[0] = normal(seed + 40, 6, 2);
        in[1] = ints(new int[] {5, 0, 3, 2, 1, 5, 4, 0}, 2, 4);
        System.arraycopy(first, 1, in, 2, 8);
        System.arraycopy(second, 1, in, 10, 8);
        return in;
    }

    /** x (B, S, d_in), then weight (d_h, d_in + d_h) and bias (d_h) of the input, forget, candidate and output gates. */
    static HostArray[] lstmInputs(long seed, int batch, int steps, int inputSize, int hiddenSize) {
        HostArray[] in = new HostArray[9];
        in[0] = normal(seed, batch, steps, inputSize);
        for (int g = 0; g < 4; g++) {
            in[1 + 2 * g] = uniform(seed + 1 + 2 * g, -0.6, 0.6, hiddenSize, inputSize + hiddenSize);
            in[2 + 2 * g] = uniform(seed + 2 + 2 * g, -0.5, 0.5, hiddenSize);
        }
        return in;
    }

    /** The gates of {@link #lstmInputs}. */
    static LstmGates lstmGates(List<Tensor> x) {
        return new LstmGates(new LstmGates.Gate(x.get(1), x.get(2)), new LstmGates.Gate(x.get(3), x.get(4)),
                new LstmGates.Gate(x.get(5), x.get(6)), new LstmGates.Gate(x.get(7), x.get(8)));
    }

    Stream<OpCase> composites() {
        HostArray logits = normal(110, 3, 4, 6);
        float[] l = logits.floats();
        int[] targets = ids(111, 6, 3, 4).ints();
        for (int j = 2; j < 4; j++) { // sample 0: targets = argmax at its RHS positions, so it is correct
            int best = 0;
            for (int k = 1; k < 6; k++) {
                best = l[j * 6 + k] > l[j * 6 + best] ? k : best;
            }
            targets[j] = best;
        }
        HostArray t = ints(targets, 3, 4);
        HostArray rhs = floats(new float[] {0, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1}, 3, 4);
        List<OpCase> cases = new ArrayList<>(List.of(
                many("RhsLoss perSample, mean, correct", (o, x) -> List.of(
                        RhsLoss.perSample(o, x.get(0), x.get(1), x.get(2)),
                        RhsLoss.mean(o, x.get(0), x.get(1), x.get(2)),
                        RhsLoss.correct(o, x.get(0), x.get(1), x.get(2))), logits, t, rhs)));
        for (OptimizerSpec.Kind kind : OptimizerSpec.Kind.values()) {
            cases.add(updateCase(kind, 0.5));
            cases.add(updateCase(kind, 0));
        }
        return cases.stream();
    }

    /** One ParameterUpdate of two parameters at step 3 (clipping binds at clip 0.5, is off at 0). */
    private static OpCase updateCase(OptimizerSpec.Kind kind, double clip) {
        OptimizerSpec spec = new OptimizerSpec(kind, 0.01, 0.1, 0.9, 0.999, 1e-8, 0.9);
        ParameterUpdate update = new ParameterUpdate(new TrainSpec(spec, clip));
        int slots = update.slotNames().size();
        long[][] shapes = {{3, 4}, {4}};
        List<HostArray> in = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            in.add(normal(120 + p, shapes[p]));
            in.add(normal(122 + p, shapes[p]));
            for (int s = 0; s < slots; s++) {
                in.add(uniform(124 + 2 * p + s, 0.01, 0.1, shapes[p]));
            }
        }
        float[] scalars = update.stepScalars(3);
        return many("ParameterUpdate " + kind + (clip > 0 ? " clipped" : " unclipped"), (o, x) -> {
            List<Tensor> params = new ArrayList<>();
            List<Tensor> grads = new ArrayList<>();
            List<List<Tensor>> slotValues = new ArrayList<>();
            int per = 2 + slots;
            for (int p = 0; p < 2; p++) {
                params.add(x.get(p * per));
                grads.add(x.get(p * per + 1));
                slotValues.add(x.subList(p * per + 2, p * per + per));
            }
            List<Tensor> stepScalars = new ArrayList<>();
            for (float s : scalars) {
                stepScalars.add(o.scalar(s));
            }
            ParameterUpdate.Result r = update.apply(o, params, grads, slotValues, stepScalars);
            List<Tensor> out = new ArrayList<>(r.parameters());
            r.slots().forEach(out::addAll);
            out.add(r.gradientNorm());
            return out;
        }, in.toArray(HostArray[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementWise")
    void elementWiseOps(OpCase c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearAlgebra")
    void linearAlgebraOps(OpCase c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void shapeOps(OpCase c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reductions")
    void reductionOps(OpCase c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neuralNetwork")
    void neuralNetworkOps(OpCase c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compoundLayers")
    void compoundLayerOps(OpCase c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composites")
    void lossAndUpdate(OpCase c) {
        check(c);
    }

    @Test
    void argMaxTiesGoToTheLowestIndex() {
        List<HostArray> out = backend().run((o, x) -> List.of(o.argMax(x.get(0))),
                List.of(floats(new float[] {1, 3, 3, 2, 7, 7, 7, 7}, 2, 4)));
        assertThat(out.get(0).dtype()).isEqualTo(DType.INT32);
        assertThat(out.get(0).ints()).containsExactly(1, 0);
    }

    @Test
    void sumAllIsAScalarOfShapeEmpty() {
        List<HostArray> out = backend().run((o, x) -> List.of(o.sumAll(x.get(0))), List.of(distinct(130, 2, 3)));
        assertThat(out.get(0).shape()).isEmpty();
        assertThat(out.get(0).item()).isCloseTo(-2.0f, org.assertj.core.data.Offset.offset(1e-6f));
    }
}
