package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OpGradientsContract;

class TfOpGradientsTest extends OpGradientsContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
