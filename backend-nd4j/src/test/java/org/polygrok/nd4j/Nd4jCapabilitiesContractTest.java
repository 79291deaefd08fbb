package org.polygrok.nd4j;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.CapabilitiesContract;

class Nd4jCapabilitiesContractTest extends CapabilitiesContract {
    @Override
    protected BackendProvider provider() {
        return new Nd4jBackendProvider();
    }
}
