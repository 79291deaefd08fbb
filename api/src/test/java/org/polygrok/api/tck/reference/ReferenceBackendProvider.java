package org.polygrok.api.tck.reference;

import java.util.Set;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Capability;
import org.polygrok.api.UnsupportedCapabilityException;

/**
 * The provider of {@link ReferenceBackend}. Test-only and not registered with ServiceLoader, so it
 * never shows up among the real backends.
 */
public final class ReferenceBackendProvider implements BackendProvider {
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String engineDescription() {
        return "plain Java, double precision, finite-difference gradients";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public String nativeLocation() {
        return "none (plain Java)";
    }

    /** @throws UnsupportedCapabilityException for a thread count: the reference runs on the calling thread */
    @Override
    public Backend create(BackendOptions options) {
        if (options.threads() != 0) {
            throw new UnsupportedCapabilityException(NAME, Capability.THREAD_CONTROL);
        }
        return new ReferenceBackend(Set.of(Capability.MODEL_INTERNALS, Capability.OPTIMIZER_STATE));
    }
}
