package org.polygrok.djl;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpArgumentsContract;

/** The conformance kit's {@link OpArgumentsContract} on the DJL backend. */
class DjlOpArgumentsTest extends OpArgumentsContract {
    @Override
    protected BackendProvider provider() {
        return new DjlBackendProvider();
    }
}
