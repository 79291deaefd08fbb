package org.polygrok.djl;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Where the PyTorch natives come from, and whether they fit this machine, found without loading
 * them: the DJL classes, the {@code pytorch-native-cpu} classifier jar (its
 * {@code native/lib/pytorch.properties}) and the {@code pytorch-jni} jar on the class path.
 */
final class DjlNatives {
    static final String DJL_VERSION = "0.36.0";
    static final String PYTORCH_VERSION = "2.7.1";

    private static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";
    private static final String JNI_PROPERTIES = "jnilib/pytorch.properties";

    private final String problem;
    private final String location;

    private DjlNatives(String problem, String location) {
        this.problem = problem;
        this.location = location;
    }

    /** Inspects the class path; never throws. */
    static DjlNatives inspect() {
        try {
            return inspectOrThrow();
        } catch (RuntimeException | LinkageError e) {
            return new DjlNatives("cannot inspect the DJL natives: " + e, cacheDirectory().toString());
        }
    }

    private static DjlNatives inspectOrThrow() {
        ClassLoader loader = DjlNatives.class.getClassLoader();
        for (String type : new String[] {"ai.djl.engine.Engine", "ai.djl.pytorch.engine.PtEngine"}) {
            try {
                Class.forName(type, false, loader);
            } catch (ClassNotFoundException e) {
                return new DjlNatives("class " + type + " is not on the class path (DJL jars missing)",
                        cacheDirectory().toString());
            }
        }
        URL natives = loader.getResource(NATIVE_PROPERTIES);
        if (natives == null) {
            return new DjlNatives("the pytorch-native-cpu jar for this platform is not on the class path",
                    cacheDirectory().toString());
        }
        String location = jarOf(natives);
        if (loader.getResource(JNI_PROPERTIES) == null) {
            return new DjlNatives("the pytorch-jni jar is not on the class path", location);
        }
        Properties props = new Properties();
        try (InputStream in = natives.openStream()) {
            props.load(in);
        } catch (IOException e) {
            return new DjlNatives("cannot read " + NATIVE_PROPERTIES + ": " + e.getMessage(), location);
        }
        String classifier = props.getProperty("classifier", "");
        String platform = platform();
        if (!classifier.equals(platform)) {
            return new DjlNatives("the PyTorch natives are for " + classifier + ", this machine is " + platform,
                    location);
        }
        return new DjlNatives("", location);
    }

    boolean available() {
        return problem.isEmpty();
    }

    String problem() {
        return problem;
    }

    String location() {
        return location;
    }

    /** Where DJL extracts the natives (~/.djl.ai, or $DJL_CACHE_DIR / -DDJL_CACHE_DIR). */
    static Path cacheDirectory() {
        String dir = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".djl.ai");
    }

    /** DJL's platform classifier for this JVM, e.g. linux-x86_64. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("win") ? "win" : os;
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "aarch64" : arch;
        return osName + "-" + archName;
    }

    private static String jarOf(URL resource) {
        try {
            if ("jar".equals(resource.getProtocol())) {
                return Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI()).toString();
            }
            return resource.toString();
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return resource.toString();
        }
    }
}
