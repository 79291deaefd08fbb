package org.polygrok.api.tck;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.reference.ReferenceBackendProvider;

/** Runs {@link OpGradientsContract} on the plain-Java reference backend (proves the kit itself). */
class ReferenceBackendOpGradientsTest extends OpGradientsContract {
    @Override
    protected BackendProvider provider() {
        return new ReferenceBackendProvider();
    }
}
