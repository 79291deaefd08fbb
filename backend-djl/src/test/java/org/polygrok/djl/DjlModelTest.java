package org.polygrok.djl;

import org.junit.jupiter.api.AfterAll;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.tck.ModelContract;

/** The conformance kit's {@link ModelContract} (LSTM and GPT against the references) on the DJL backend. */
class DjlModelTest extends ModelContract {
    private Backend backend;

    @Override
    protected Backend backend() {
        if (backend == null) {
            backend = new DjlBackendProvider().create(BackendOptions.defaults());
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
