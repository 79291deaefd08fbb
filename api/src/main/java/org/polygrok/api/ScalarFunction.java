package org.polygrok.api;

import java.util.List;

/** A computation with one scalar result, differentiated by {@link Backend#valueAndGradients}. */
@FunctionalInterface
public interface ScalarFunction {
    Tensor apply(Ops ops, List<Tensor> inputs);
}
