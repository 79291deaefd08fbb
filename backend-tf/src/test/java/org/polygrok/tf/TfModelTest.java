package org.polygrok.tf;

import org.polygrok.api.Backend;
import org.polygrok.api.tck.ModelContract;

class TfModelTest extends ModelContract {
    @Override
    protected Backend backend() {
        return TfTesting.backend();
    }
}
