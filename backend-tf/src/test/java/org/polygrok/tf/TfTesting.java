package org.polygrok.tf;

import java.util.List;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.HostArray;
import org.polygrok.api.TensorFunction;

/** One TensorFlow backend shared by the tests of a JVM (loading the natives takes seconds). */
final class TfTesting {
    private static Backend backend;

    private TfTesting() {
    }

    static synchronized Backend backend() {
        if (backend == null) {
            backend = new TfBackendProvider().create(new BackendOptions(2, false));
        }
        return backend;
    }

    static HostArray run1(TensorFunction f, HostArray... inputs) {
        return backend().run(f, List.of(inputs)).get(0);
    }

    static HostArray floats(long[] shape, float... values) {
        return HostArray.of(values, shape);
    }

    static long[] shape(long... dims) {
        return dims;
    }
}
