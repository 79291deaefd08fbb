package org.polygrok.tf;

import org.polygrok.api.BackendProvider;
import org.polygrok.api.tck.OptimizerContract;

class TfOptimizerTest extends OptimizerContract {
    @Override
    protected BackendProvider provider() {
        return new TfBackendProvider();
    }
}
