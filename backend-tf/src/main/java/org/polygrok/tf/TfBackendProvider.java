package org.polygrok.tf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Properties;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.backend.JavaCppPlatform;

/**
 * Discovers the TensorFlow Java backend. Cheap: it only looks for the TensorFlow classes and the
 * native library of this platform on the class path; natives load in {@link #create}.
 */
public final class TfBackendProvider implements BackendProvider {
    static final String NAME = "tf";
    static final String TENSORFLOW_VERSION = "2.18";
    private static final String NATIVE_DIR = "org/tensorflow/internal/c_api/";

    private volatile String unavailableReason;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 30;
    }

    @Override
    public String engineDescription() {
        return "TensorFlow " + TENSORFLOW_VERSION + " via TensorFlow Java " + tensorFlowJavaVersion();
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        String reason = unavailableReason;
        if (reason == null) {
            reason = probe();
            unavailableReason = reason;
        }
        return reason;
    }

    @Override
    public String nativeLocation() {
        URL library = nativeLibrary();
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir",
                Path.of(System.getProperty("user.home"), ".javacpp", "cache").toString());
        if (library == null) {
            return "no TensorFlow native library for " + platform() + " on the class path";
        }
        String jar = library.toString().replaceFirst("^jar:", "").replaceFirst("!/.*$", "");
        return jar + " (extracted to " + cache + ")";
    }

    @Override
    public Backend create(BackendOptions options) {
        if (!isAvailable()) {
            throw new IllegalStateException("TensorFlow is not available: " + unavailableReason());
        }
        return new TfBackend(options, engineDescription());
    }

    private static String probe() {
        try {
            Class.forName("org.tensorflow.TensorFlow", false, TfBackendProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "tensorflow-core-api is not on the class path";
        }
        if (nativeLibrary() == null) {
            return "tensorflow-core-native has no library for " + platform()
                    + " on the class path (add the " + platform() + " classifier jar)";
        }
        return "";
    }

    private static URL nativeLibrary() {
        try {
            return TfBackendProvider.class.getClassLoader()
                    .getResource(NATIVE_DIR + platform() + "/" + System.mapLibraryName("jnitensorflow"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** JavaCPP's platform name of this machine (the classifier of tensorflow-core-native). */
    static String platform() {
        return JavaCppPlatform.current();
    }

    static String tensorFlowJavaVersion() {
        try (InputStream in = TfBackendProvider.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.tensorflow/tensorflow-core-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException | RuntimeException e) {
            // fall through: the version is informational
        }
        return "unknown";
    }
}
