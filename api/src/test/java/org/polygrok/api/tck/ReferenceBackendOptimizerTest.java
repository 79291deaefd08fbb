package org.polygrok.api.tck;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.reference.ReferenceBackendProvider;

/** Runs {@link OptimizerContract} on the plain-Java reference backend (proves the kit itself). */
class ReferenceBackendOptimizerTest extends OptimizerContract {
    @Override
    protected BackendProvider provider() {
        return new ReferenceBackendProvider();
    }
}
