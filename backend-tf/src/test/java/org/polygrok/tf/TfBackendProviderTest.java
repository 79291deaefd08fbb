package org.polygrok.tf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.api.Capability;
import org.tensorflow.proto.ConfigProto;

/** Discovery through ServiceLoader, without loading TensorFlow, and the session settings. */
class TfBackendProviderTest {

    @Test
    void isFoundByNameAndAvailableWithoutLoadingNatives() {
        BackendProvider provider = Backends.find("tf").orElseThrow();
        assertThat(provider).isInstanceOf(TfBackendProvider.class);
        assertThat(provider.rank()).isEqualTo(30);
        assertThat(provider.isAvailable()).isTrue();
        assertThat(provider.unavailableReason()).isEmpty();
        assertThat(provider.engineDescription()).isEqualTo("TensorFlow 2.18 via TensorFlow Java 1.1.0");
        assertThat(provider.nativeLocation()).contains("tensorflow-core-native").contains("linux-x86_64")
                .contains(".javacpp");
    }

    @Test
    void createdBackendDeclaresItsCapabilities() {
        var backend = TfTesting.backend();
        assertThat(backend.name()).isEqualTo("tf");
        assertThat(backend.engineDescription()).startsWith("TensorFlow 2.18.0 via TensorFlow Java 1.1.0");
        assertThat(backend.capabilities()).containsExactlyInAnyOrder(Capability.MODEL_INTERNALS,
                Capability.OPTIMIZER_STATE, Capability.THREAD_CONTROL);
    }

    @Test
    void sessionsUseTheRequestedThreadsForIntraAndInterOpParallelism() {
        ConfigProto three = TfEngine.sessionConfig(new BackendOptions(3, false));
        assertThat(three.getIntraOpParallelismThreads()).isEqualTo(3);
        assertThat(three.getInterOpParallelismThreads()).isEqualTo(3);
        assertThat(TfEngine.sessionConfig(new BackendOptions(1, false)).getInterOpParallelismThreads()).isEqualTo(1);
        assertThat(TfEngine.sessionConfig(BackendOptions.defaults()).getIntraOpParallelismThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void looksForTheNativesOfJavaCppsOwnPlatformName() {
        assertThat(TfBackendProvider.platform()).isEqualTo(org.bytedeco.javacpp.Loader.getPlatform());
    }
}
