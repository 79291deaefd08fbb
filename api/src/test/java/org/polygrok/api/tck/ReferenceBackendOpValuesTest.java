package org.polygrok.api.tck;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.reference.ReferenceBackendProvider;

/** Runs {@link OpValuesContract} on the plain-Java reference backend (proves the kit itself). */
class ReferenceBackendOpValuesTest extends OpValuesContract {
    @Override
    protected BackendProvider provider() {
        return new ReferenceBackendProvider();
    }
}
