package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.TrainSessionContract;

/** The conformance kit's {@link TrainSessionContract} on the TensorFlow backend. */
class TfTrainSessionContractTest extends TrainSessionContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
