package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polygrok.api.tck.TestArrays.ids;
import static org.polygrok.api.tck.TestArrays.normal;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Init;
import org.polygrok.api.nn.Parameter;

/**
 * Every argument rule of {@link org.polygrok.api.OpShapes} through {@code Backend.run}: a wrong
 * call fails at the call, on every engine, with an {@link IllegalArgumentException} whose message
 * is one sentence naming what was wrong (not the engine's own error, and not only when a traced
 * graph runs).
 */
public abstract class OpArgumentsContract extends BackendContract {

    /** A wrong call and a fragment its message must contain. */
    public record BadCall(String name, BiFunction<Ops, List<Tensor>, Tensor> call, List<HostArray> inputs,
            String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static BadCall bad(String name, String message, BiFunction<Ops, List<Tensor>, Tensor> call, HostArray... inputs) {
        return new BadCall(name, call, List.of(inputs), message);
    }

    Stream<BadCall> badCalls() {
        HostArray ints = ids(1, 5, 2, 3);
        return Stream.of(
                bad("add FLOAT32 + INT32", "add needs operands of one dtype", (o, x) -> o.add(x.get(0), x.get(1)),
                        normal(1, 2, 3), ints),
                bad("mul (2,3) * (4)", "do not broadcast", (o, x) -> o.mul(x.get(0), x.get(1)), normal(1, 2, 3),
                        normal(2, 4)),
                bad("equal (2,3) == INT32", "equal needs operands of one dtype", (o, x) -> o.equal(x.get(0), x.get(1)),
                        normal(1, 2, 3), ints),
                bad("matmul (2,3) x (4,5)", "matmul needs (..., m, k) x (..., k, n)",
                        (o, x) -> o.matmul(x.get(0), x.get(1)), normal(1, 2, 3), normal(2, 4, 5)),
                bad("matmul (2,2,3) x (3,4)", "with equal leading dims", (o, x) -> o.matmul(x.get(0), x.get(1)),
                        normal(1, 2, 2, 3), normal(2, 3, 4)),
                bad("linear bias (5) for weight (4,3)", "linear needs x (..., in), weight (out, in), bias (out)",
                        (o, x) -> o.linear(x.get(0), x.get(1), x.get(2)), normal(1, 2, 3), normal(2, 4, 3), normal(3, 5)),
                bad("reshape 6 elements to (4,-1)", "cannot reshape", (o, x) -> o.reshape(x.get(0), 4, -1),
                        normal(1, 2, 3)),
                bad("transpose (0,0)", "repeat axis 0", (o, x) -> o.transpose(x.get(0), 0, 0), normal(1, 2, 3)),
                bad("transpose rank 2 by 3 axes", "needs 2 axes", (o, x) -> o.transpose(x.get(0), 0, 1, 2),
                        normal(1, 2, 3)),
                bad("concat (2,3) and (2,4) on axis 0", "concat along axis 0 needs one dtype and equal other dims",
                        (o, x) -> o.concat(List.of(x.get(0), x.get(1)), 0), normal(1, 2, 3), normal(2, 2, 4)),
                bad("concat of nothing", "concat needs at least one tensor", (o, x) -> o.concat(List.of(), 0)),
                bad("stack (2,3) and (3,2)", "stack needs one dtype and equal shapes",
                        (o, x) -> o.stack(List.of(x.get(0), x.get(1)), 0), normal(1, 2, 3), normal(2, 3, 2)),
                bad("slice [1,4) of length 3", "slice [1, 4) is outside axis 1 of length 3",
                        (o, x) -> o.slice(x.get(0), -1, 1, 4), normal(1, 2, 3)),
                bad("sum over axis 2 of rank 2", "axis 2 out of range for rank 2", (o, x) -> o.sum(x.get(0), 2, false),
                        normal(1, 2, 3)),
                bad("softmax of a scalar", "softmax works over the last axis", (o, x) -> o.softmax(x.get(0)),
                        HostArray.scalar(1f)),
                bad("argMax of a scalar", "argMax works over the last axis", (o, x) -> o.argMax(x.get(0)),
                        HostArray.scalar(1f)),
                bad("gather with FLOAT32 ids", "gather needs a (V, d) table and INT32 ids",
                        (o, x) -> o.gather(x.get(0), x.get(1)), normal(1, 5, 3), normal(2, 2)),
                bad("oneHot of depth 0", "oneHot needs INT32 ids and a positive depth", (o, x) -> o.oneHot(x.get(0), 0),
                        ints),
                bad("layerNorm weight (3) over width 4", "layerNorm over width 4 needs weight and bias (4)",
                        (o, x) -> o.layerNorm(x.get(0), x.get(1), x.get(2), 1e-5f), normal(1, 2, 4), normal(2, 3),
                        normal(3, 4)),
                bad("lstmLayer on inputs of width 4 for gates of width 3", "needs x (B, S, 3), got [1, 2, 4]",
                        (o, x) -> {
                            LstmGates.Gate gate = new LstmGates.Gate(x.get(1), x.get(2)); // (2, 3 + 2), (2)
                            return o.lstmLayer(x.get(0), new LstmGates(gate, gate, gate, gate));
                        }, normal(1, 1, 2, 4), normal(2, 2, 5), normal(3, 2)),
                bad("param of a parameter the ops do not know", "is not part of the model these ops run",
                        (o, x) -> o.param(new Parameter("stray", new long[] {2}, Init.zeros()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void aWrongCallFailsInOneSentence(BadCall c) {
        assertThatThrownBy(() -> backend().run((o, x) -> List.of(c.call().apply(o, x)), c.inputs()))
                .as(c.name())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(c.message())
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
    }

    @Test
    void valueAndGradientsRefusesANonScalarResult() {
        assertThatThrownBy(() -> backend().valueAndGradients((o, x) -> x.get(0), List.of(normal(1, 2, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valueAndGradients needs a FLOAT32 scalar result, got FLOAT32 [2, 3]");
    }
}
