package org.polygrok.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {
    @Test
    void setsAnUnsetVariableForTheNativeLibrariesOfThisProcess() {
        String name = "POLYGROK_NATIVE_ENVIRONMENT_TEST_" + ProcessHandle.current().pid();
        assertThat(NativeEnvironment.setDefault(name, "first")).isEqualTo("first");
        assertThat(NativeEnvironment.LIBC.getenv(name)).isEqualTo("first");
    }

    @Test
    void neverOverridesAValueAlreadySet() {
        String name = "POLYGROK_NATIVE_ENVIRONMENT_KEEP_" + ProcessHandle.current().pid();
        NativeEnvironment.setDefault(name, "user's");
        assertThat(NativeEnvironment.setDefault(name, "ours")).isEqualTo("user's");
        assertThat(NativeEnvironment.setDefault("PATH", "/nowhere")).isEqualTo(System.getenv("PATH"));
    }
}
