package org.polygrok.nd4j;

import org.polygrok.api.Backend;
import org.polygrok.api.tck.ModelContract;

class Nd4jModelTest extends ModelContract {
    @Override
    protected Backend backend() {
        return Nd4jTesting.backend();
    }
}
