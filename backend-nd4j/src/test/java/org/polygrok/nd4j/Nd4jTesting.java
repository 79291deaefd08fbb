package org.polygrok.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polygrok.api.BackendOptions;

/** One ND4J backend with 2 threads shared by the tests of a JVM (loading the natives takes seconds). */
final class Nd4jTesting {
    private static Nd4jBackend backend;

    private Nd4jTesting() {
    }

    static synchronized Nd4jBackend backend() {
        if (backend == null) {
            backend = (Nd4jBackend) new Nd4jBackendProvider().create(new BackendOptions(2, false));
        }
        return backend;
    }

    /** Standard-normal FLOAT values of {@code shape} from ND4J's generator seeded with {@code seed}. */
    static INDArray normal(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, shape);
    }
}
