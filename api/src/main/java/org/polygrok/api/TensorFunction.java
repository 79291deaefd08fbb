package org.polygrok.api;

import java.util.List;

/** A computation on tensors, run eagerly or traced, by {@link Backend#run}. */
@FunctionalInterface
public interface TensorFunction {
    List<Tensor> apply(Ops ops, List<Tensor> inputs);
}
