package org.polygrok.djl;

import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;

/**
 * ServiceLoader entry of the DJL backend (PyTorch CPU through DJL). Discovery only inspects the
 * class path; PyTorch is loaded by {@link #create}.
 */
public final class DjlBackendProvider implements BackendProvider {
    public static final String NAME = "djl";

    private volatile DjlNatives natives;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public String engineDescription() {
        return "PyTorch " + DjlNatives.PYTORCH_VERSION + " via DJL " + DjlNatives.DJL_VERSION;
    }

    @Override
    public boolean isAvailable() {
        return natives().available();
    }

    @Override
    public String unavailableReason() {
        return natives().problem();
    }

    @Override
    public String nativeLocation() {
        return natives().location();
    }

    @Override
    public Backend create(BackendOptions options) {
        if (!isAvailable()) {
            throw new IllegalStateException("the DJL backend is not available: " + unavailableReason());
        }
        return new DjlBackend(options);
    }

    private DjlNatives natives() {
        DjlNatives n = natives;
        if (n == null) {
            n = DjlNatives.inspect();
            natives = n;
        }
        return n;
    }
}
