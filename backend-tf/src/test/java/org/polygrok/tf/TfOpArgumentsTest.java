package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpArgumentsContract;

/** The conformance kit's {@link OpArgumentsContract} on the TensorFlow backend. */
class TfOpArgumentsTest extends OpArgumentsContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
