package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpValuesContract;

/** The conformance kit's {@link OpValuesContract} on the TensorFlow backend. */
class TfOpValuesTest extends OpValuesContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
