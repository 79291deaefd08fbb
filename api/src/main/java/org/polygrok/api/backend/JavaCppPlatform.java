package org.polygrok.api.backend;

import java.util.Locale;

/**
 * JavaCPP's name for this machine's platform ({@code linux-x86_64}, {@code macosx-arm64},
 * {@code windows-x86_64}, ...), the classifier of the native jars of TensorFlow Java and ND4J,
 * computed from system properties alone, so a provider can look for its natives without loading
 * JavaCPP. The rules are JavaCPP's {@code Loader.getPlatform()}: the property
 * {@code org.bytedeco.javacpp.platform} wins; otherwise the OS name up to its first space
 * ({@code mac os x} and {@code darwin} are {@code macosx}) and the normalised architecture.
 */
public final class JavaCppPlatform {
    /** The system property JavaCPP reads to override the detected platform. */
    public static final String OVERRIDE = "org.bytedeco.javacpp.platform";

    private JavaCppPlatform() {
    }

    /** The platform of this JVM. */
    public static String current() {
        String forced = System.getProperty(OVERRIDE);
        if (forced != null && !forced.isBlank()) {
            return forced;
        }
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for an {@code os.name} and {@code os.arch}. */
    public static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac os x") || os.startsWith("darwin")) {
            os = "macosx";
        } else if (os.indexOf(' ') > 0) {
            os = os.substring(0, os.indexOf(' '));
        }
        if (arch.equals("i386") || arch.equals("i486") || arch.equals("i586") || arch.equals("i686")) {
            arch = "x86";
        } else if (arch.equals("amd64") || arch.equals("x86-64") || arch.equals("x64")) {
            arch = "x86_64";
        } else if (arch.startsWith("aarch64") || arch.startsWith("armv8") || arch.startsWith("arm64")) {
            arch = "arm64";
        } else if (arch.startsWith("arm")) {
            arch = "arm";
        }
        return os + "-" + arch;
    }
}
