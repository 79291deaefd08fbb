package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OptimizerContract;

/** The conformance kit's {@link OptimizerContract} on the TensorFlow backend. */
class TfOptimizerTest extends OptimizerContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
