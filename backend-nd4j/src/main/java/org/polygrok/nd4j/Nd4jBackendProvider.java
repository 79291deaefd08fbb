package org.polygrok.nd4j;

import java.net.URL;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.backend.JavaCppPlatform;

/** Discovers the ND4J/SameDiff backend; cheap, loads no natives until {@link #create}. */
public final class Nd4jBackendProvider implements BackendProvider {
    static final String NAME = "nd4j";
    private static final String ENGINE_CLASS = "org.nd4j.linalg.factory.Nd4j";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public String engineDescription() {
        return "ND4J/SameDiff " + Nd4jEngine.VERSION + " (CPU, OpenBLAS)";
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        try {
            Class.forName(ENGINE_CLASS, false, Nd4jBackendProvider.class.getClassLoader());
        } catch (Throwable e) {
            return "ND4J classes are not on the class path (org.nd4j:nd4j-native)";
        }
        try {
            if (nativeLibrary() == null) {
                return "no ND4J native library for " + platform()
                        + " on the class path (org.nd4j:nd4j-native with classifier " + platform() + ")";
            }
        } catch (Throwable e) {
            return "cannot look for ND4J's native library: " + e;
        }
        return "";
    }

    @Override
    public String nativeLocation() {
        try {
            URL url = nativeLibrary();
            if (url == null) {
                return "none (no native library for " + platform() + ")";
            }
            String s = url.toString();
            int bang = s.indexOf("!/");
            return s.startsWith("jar:") && bang > 0 ? s.substring("jar:".length(), bang) : s;
        } catch (Throwable e) {
            return "unknown (" + e + ")";
        }
    }

    @Override
    public Backend create(BackendOptions options) {
        if (!isAvailable()) {
            throw new IllegalStateException("the nd4j backend is not available: " + unavailableReason());
        }
        return new Nd4jBackend(options);
    }

    private static URL nativeLibrary() {
        String platform = platform();
        String file = platform.startsWith("windows") ? "jnind4jcpu.dll"
                : platform.startsWith("macosx") ? "libjnind4jcpu.dylib" : "libjnind4jcpu.so";
        return Nd4jBackendProvider.class.getClassLoader()
                .getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + "/" + file);
    }

    /** JavaCPP's platform name of this machine (the classifier of nd4j-native). */
    static String platform() {
        return JavaCppPlatform.current();
    }
}
