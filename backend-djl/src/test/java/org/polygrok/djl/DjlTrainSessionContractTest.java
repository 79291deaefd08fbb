package org.polygrok.djl;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.TrainSessionContract;

/** The conformance kit's {@link TrainSessionContract} on the DJL backend. */
class DjlTrainSessionContractTest extends TrainSessionContract {
    @Override
    protected BackendProvider provider() {
        return new DjlBackendProvider();
    }
}
