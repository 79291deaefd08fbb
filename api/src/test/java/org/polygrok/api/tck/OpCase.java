package org.polygrok.api.tck;

import java.util.List;
import java.util.function.BiFunction;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.TensorFunction;

/** A named computation on fixed host inputs, run on the backend under test and on the reference. */
public record OpCase(String name, TensorFunction function, List<HostArray> inputs) {

    /** A case with one output. */
    public static OpCase of(String name, BiFunction<Ops, List<Tensor>, Tensor> f, HostArray... inputs) {
        return new OpCase(name, (ops, in) -> List.of(f.apply(ops, in)), List.of(inputs));
    }

    /** A case with several outputs. */
    public static OpCase many(String name, TensorFunction f, HostArray... inputs) {
        return new OpCase(name, f, List.of(inputs));
    }

    @Override
    public String toString() {
        return name;
    }
}
