package org.polygrok.api.tck;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;

/**
 * Base of every contract of the conformance kit. A backend module runs a contract by extending it
 * with one method:
 *
 * <pre>{@code
 * class DjlOpValuesTest extends OpValuesContract {
 *     protected BackendProvider provider() { return new DjlBackendProvider(); }
 * }
 * }</pre>
 *
 * The backend is created once per test class with {@link #options()} and closed after its tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContract {
    private Backend backend;

    /** The provider of the backend under test. */
    protected abstract BackendProvider provider();

    /** Options the backend under test is created with; the defaults unless overridden. */
    protected BackendOptions options() {
        return BackendOptions.defaults();
    }

    /** The backend under test, created on first use. */
    protected final Backend backend() {
        if (backend == null) {
            backend = provider().create(options());
        }
        return backend;
    }

    @AfterAll
    final void closeBackend() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }
}
