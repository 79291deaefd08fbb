package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpValuesContract;

class TfOpValuesTest extends OpValuesContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
