package org.polygrok.nd4j;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpValuesContract;

class Nd4jOpValuesTest extends OpValuesContract {
    @Override
    protected BackendProvider provider() {
        return new Nd4jBackendProvider();
    }
}
