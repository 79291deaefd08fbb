package org.polygrok.api.tck;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.reference.ReferenceBackendProvider;

/** Runs {@link TrainSessionContract} on the plain-Java reference backend (proves the kit itself). */
class ReferenceBackendTrainSessionTest extends TrainSessionContract {
    @Override
    protected BackendProvider provider() {
        return new ReferenceBackendProvider();
    }
}
