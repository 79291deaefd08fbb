package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.CapabilitiesContract;

/** The conformance kit's {@link CapabilitiesContract} on the TensorFlow backend. */
class TfCapabilitiesTest extends CapabilitiesContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
