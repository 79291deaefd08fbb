package org.polygrok.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaCppPlatformTest {

    @Test
    void namesPlatformsAsJavaCppDoes() {
        assertThat(JavaCppPlatform.of("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(JavaCppPlatform.of("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(JavaCppPlatform.of("Mac OS X", "aarch64")).isEqualTo("macosx-arm64");
        assertThat(JavaCppPlatform.of("Mac OS X", "x86_64")).isEqualTo("macosx-x86_64");
        assertThat(JavaCppPlatform.of("Windows 11", "amd64")).isEqualTo("windows-x86_64");
        assertThat(JavaCppPlatform.of("Linux", "ppc64le")).isEqualTo("linux-ppc64le");
        assertThat(JavaCppPlatform.of("Linux", "i686")).isEqualTo("linux-x86");
    }

    @Test
    void theOverridePropertyWins() {
        String before = System.getProperty(JavaCppPlatform.OVERRIDE);
        try {
            System.setProperty(JavaCppPlatform.OVERRIDE, "linux-arm64");
            assertThat(JavaCppPlatform.current()).isEqualTo("linux-arm64");
        } finally {
            if (before == null) {
                System.clearProperty(JavaCppPlatform.OVERRIDE);
            } else {
                System.setProperty(JavaCppPlatform.OVERRIDE, before);
            }
        }
        assertThat(JavaCppPlatform.current()).isEqualTo(JavaCppPlatform.of(System.getProperty("os.name"),
                System.getProperty("os.arch")));
    }
}
