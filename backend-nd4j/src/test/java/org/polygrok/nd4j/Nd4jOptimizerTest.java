package org.polygrok.nd4j;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OptimizerContract;

class Nd4jOptimizerTest extends OptimizerContract {
    @Override
    protected BackendProvider provider() {
        return new Nd4jBackendProvider();
    }
}
