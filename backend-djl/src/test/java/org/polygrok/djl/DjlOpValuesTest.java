package org.polygrok.djl;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpValuesContract;

/** The conformance kit's {@link OpValuesContract} on the DJL backend. */
class DjlOpValuesTest extends OpValuesContract {
    @Override
    protected BackendProvider provider() {
        return new DjlBackendProvider();
    }
}
