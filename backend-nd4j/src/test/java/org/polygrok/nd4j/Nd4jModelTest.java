package org.polygrok.nd4j;

import org.junit.jupiter.api.AfterAll;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.tck.ModelContract;

class Nd4jModelTest extends ModelContract {
    private Backend backend;

    @Override
    protected Backend backend() {
        if (backend == null) {
            backend = new Nd4jBackendProvider().create(BackendOptions.defaults());
        }
        return backend;
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }
}
