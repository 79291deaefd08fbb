package org.polygrok.tf;

import org.polygrok.api.Backend;
import org.polygrok.api.tck.ModelContract;

/** The conformance kit's {@link ModelContract} on the TensorFlow backend. */
class TfModelTest extends ModelContract {
    @Override
    protected Backend backend() {
        return TfTesting.backend();
    }
}
