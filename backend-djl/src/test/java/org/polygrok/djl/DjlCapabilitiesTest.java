package org.polygrok.djl;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.CapabilitiesContract;

/** The conformance kit's {@link CapabilitiesContract} on the DJL backend. */
class DjlCapabilitiesTest extends CapabilitiesContract {
    @Override
    protected BackendProvider provider() {
        return new DjlBackendProvider();
    }
}
