package org.polygrok.api.nn;

import org.polygrok.api.random.Mt19937;

/** Fills a parameter's initial values (row-major) from the one seeded generator of a model. */
@FunctionalInterface
public interface Initializer {
    void fill(float[] values, long[] shape, Mt19937 random);
}
