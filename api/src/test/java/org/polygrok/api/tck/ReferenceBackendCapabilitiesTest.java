package org.polygrok.api.tck;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.reference.ReferenceBackendProvider;

/** Runs {@link CapabilitiesContract} on the plain-Java reference backend (proves the kit itself). */
class ReferenceBackendCapabilitiesTest extends CapabilitiesContract {
    @Override
    protected BackendProvider provider() {
        return new ReferenceBackendProvider();
    }
}
