package org.polygrok.nd4j;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;

/**
 * Ops of a traced graph that {@link GraphPlan} executes with another libnd4j kernel computing the
 * same function: the graph, and so SameDiff's gradient graph, stays as traced; only the kernel
 * that runs changes.
 *
 * <p>SameDiff traces {@code tanh} as libnd4j's legacy transform (a scalar loop, ~15 ns per float
 * here); the declarable op of the same name runs as oneDNN's vectorised eltwise primitive in the
 * oneDNN build (~3x less CPU; results within 1 ulp) and as the same legacy loop otherwise.
 */
final class FasterKernels {
    private FasterKernels() {
    }

    /** The op to execute in place of {@code op}: {@code op} itself, or a custom op with the same inputs and outputs. */
    static DifferentialFunction replacement(DifferentialFunction op) {
        if (op instanceof Tanh) {
            return DynamicCustomOp.builder("tanh").build();
        }
        return op;
    }
}
