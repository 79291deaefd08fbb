package org.polygrok.djl;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OptimizerContract;

/** The conformance kit's {@link OptimizerContract} on the DJL backend. */
class DjlOptimizerTest extends OptimizerContract {
    @Override
    protected BackendProvider provider() {
        return new DjlBackendProvider();
    }
}
