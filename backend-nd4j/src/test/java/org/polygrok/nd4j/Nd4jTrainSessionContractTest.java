package org.polygrok.nd4j;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.TrainSessionContract;

class Nd4jTrainSessionContractTest extends TrainSessionContract {
    @Override
    protected BackendProvider provider() {
        return new Nd4jBackendProvider();
    }
}
