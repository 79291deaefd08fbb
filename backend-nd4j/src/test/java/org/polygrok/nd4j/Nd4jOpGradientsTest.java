package org.polygrok.nd4j;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpGradientsContract;

class Nd4jOpGradientsTest extends OpGradientsContract {
    @Override
    protected BackendProvider provider() {
        return new Nd4jBackendProvider();
    }
}
