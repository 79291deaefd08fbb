package org.polygrok.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.api.Capability;
import org.polygrok.api.HostArray;
import org.junit.jupiter.api.Test;

class DjlBackendProviderTest {

    @Test
    void discoveredByServiceLoaderAndAvailable() {
        BackendProvider provider = Backends.find("djl").orElseThrow();
        assertThat(provider).isInstanceOf(DjlBackendProvider.class);
        assertThat(provider.rank()).isEqualTo(20);
        assertThat(provider.engineDescription()).isEqualTo("PyTorch 2.7.1 via DJL 0.36.0");
        assertThat(provider.isAvailable()).as(provider.unavailableReason()).isTrue();
        assertThat(provider.unavailableReason()).isEmpty();
        assertThat(provider.nativeLocation()).contains("pytorch-native-cpu").endsWith(".jar");
    }

    @Test
    void createsAWorkingOfflineBackend() {
        try (Backend backend = Backends.find("djl").orElseThrow().create(new BackendOptions(1, false))) {
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
            assertThat(backend.name()).isEqualTo("djl");
            assertThat(backend.engineDescription()).startsWith("PyTorch 2.7.1").contains("DJL 0.36.0");
            assertThat(backend.capabilities()).containsExactlyInAnyOrder(Capability.values());
            assertThat(((DjlBackend) backend).threads()).isEqualTo(1);
            List<HostArray> out = backend.run((ops, in) -> List.of(ops.add(in.get(0), in.get(0))),
                    List.of(HostArray.of(new float[] {1, 2}, 2)));
            assertThat(out.get(0).floats()).containsExactly(2, 4);
        }
    }
}
