package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.api.Capability;

/** The nd4j provider is found by ServiceLoader, is cheap to ask, and names its natives. */
class Nd4jDiscoveryTest {

    @Test
    void serviceLoaderFindsAnAvailableProvider() {
        BackendProvider provider = Backends.find("nd4j").orElseThrow();
        assertThat(provider).isInstanceOf(Nd4jBackendProvider.class);
        assertThat(provider.rank()).isEqualTo(10);
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.unavailableReason()).isEmpty();
        assertThat(provider.engineDescription()).contains("1.0.0-M2.1");
        assertThat(provider.nativeLocation()).contains("nd4j-native").endsWith(".jar");
        assertThat(Backends.select("nd4j")).isInstanceOf(Nd4jBackendProvider.class);
    }

    @Test
    void theBackendDeclaresItsCapabilities() {
        try (var backend = new Nd4jBackendProvider().create(new org.polygrok.api.BackendOptions(1, false))) {
            assertThat(backend.name()).isEqualTo("nd4j");
            assertThat(backend.capabilities()).contains(Capability.MODEL_INTERNALS, Capability.OPTIMIZER_STATE,
                    Capability.THREAD_CONTROL);
            assertThat(backend.engineDescription()).contains("1 threads");
        }
    }

    @Test
    void looksForTheNativesOfJavaCppsOwnPlatformName() {
        assertThat(Nd4jBackendProvider.platform()).isEqualTo(org.bytedeco.javacpp.Loader.getPlatform());
    }
}
