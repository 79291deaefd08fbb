package org.polygrok.nd4j;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpArgumentsContract;

/** The conformance kit's {@link OpArgumentsContract} on the ND4J backend. */
class Nd4jOpArgumentsTest extends OpArgumentsContract {
    @Override
    protected BackendProvider provider() {
        return new Nd4jBackendProvider();
    }
}
