package org.polygrok.cli;

import java.util.List;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;

/** Finds backends for the commands: all discovered providers, or the one the user asked for. */
class BackendSelector {

    List<BackendProvider> all() {
        return Backends.providers();
    }

    /**
     * The named backend, else {@code $POLYGROK_BACKEND}, else the best available.
     *
     * @throws org.polygrok.api.UnknownBackendException with one sentence listing the available names
     */
    BackendProvider select(String name) {
        return Backends.select(name);
    }
}
