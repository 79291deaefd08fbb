package org.polygrok.api.model;

import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.tck.ModelContract;
import org.polygrok.api.tck.reference.ReferenceBackendProvider;

/** The model kit on the plain-Java reference backend: proves the kit's own checks and the PyTorch fixture. */
class ReferenceModelContractTest extends ModelContract {
    @Override
    protected Backend backend() {
        return new ReferenceBackendProvider().create(BackendOptions.defaults());
    }
}
