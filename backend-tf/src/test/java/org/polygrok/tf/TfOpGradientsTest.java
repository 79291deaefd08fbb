package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpGradientsContract;

/** The conformance kit's {@link OpGradientsContract} on the TensorFlow backend. */
class TfOpGradientsTest extends OpGradientsContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
