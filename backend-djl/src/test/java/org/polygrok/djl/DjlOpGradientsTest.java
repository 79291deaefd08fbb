package org.polygrok.djl;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpGradientsContract;

/** The conformance kit's {@link OpGradientsContract} on the DJL backend. */
class DjlOpGradientsTest extends OpGradientsContract {
    @Override
    protected BackendProvider provider() {
        return new DjlBackendProvider();
    }
}
