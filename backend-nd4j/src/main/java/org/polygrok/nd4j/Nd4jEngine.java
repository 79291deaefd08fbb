package org.polygrok.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.backend.JavaCppPlatform;

/**
 * One-time, JVM-wide set-up of ND4J: quiet start (no version warnings, no banner) unless verbose,
 * and the intra-op thread count for libnd4j's pool and OpenBLAS.
 */
final class Nd4jEngine {
    static final String VERSION = "1.0.0-M2.1";
    private static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /**
     * Element-wise libnd4j ops on fewer floats run on the calling thread alone (libnd4j's default is
     * 1024): waking a second thread costs more than such an op's work. Measured here (2 cores, busy),
     * fastest steps at B = 32 and 128 ~5-15% shorter, B = 480 unchanged. oneDNN kernels are not affected.
     */
    static final int ELEMENTWISE_THRESHOLD = 32_768;
    private static boolean started;
    private static volatile int configuredThreads = 1;

    private Nd4jEngine() {
    }

    /** Loads ND4J's natives (first call only) and applies the thread count. */
    static synchronized void start(BackendOptions options) {
        if (!started) {
            if (!options.verbose()) {
                quietLogging();
            }
            NativeEnvironment.applyDefaults();
            preferOneDnn();
            try {
                Nd4j.getBackend(); // loads the natives
            } catch (Throwable e) {
                throw new IllegalStateException("ND4J's native libraries did not load on " + Nd4jBackendProvider.platform()
                        + ": " + e, e);
            }
            // no workspace-scope checks of every op's arrays (the default, SCOPE_PANIC): no workspaces are used
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            Nd4j.getEnvironment().setElementwiseThreshold(ELEMENTWISE_THRESHOLD);
            started = true;
        }
        setThreads(options.effectiveThreads());
    }

    /**
     * Picks libnd4j's oneDNN build (classifier {@code linux-x86_64-onednn}) when its jar is on the
     * class path and the user has not chosen a platform extension: its matmul, softmax and
     * element-wise kernels are oneDNN primitives (LSTM and GPT steps ~25-40% faster here, the same
     * losses). JavaCPP reads the extension once per JVM; where another JavaCPP library (TensorFlow)
     * loaded first without it, ND4J loads its plain build, which computes the same.
     */
    static void preferOneDnn() {
        if (System.getProperty(PLATFORM_EXTENSION) == null
                && Nd4jEngine.class.getClassLoader().getResource("org/nd4j/linalg/cpu/nativecpu/bindings/"
                        + JavaCppPlatform.current() + "-onednn/libnd4jcpu.so") != null) {
            System.setProperty(PLATFORM_EXTENSION, "-onednn");
        }
    }

    /** Whether the loaded libnd4j is the oneDNN build. */
    static boolean oneDnn() {
        return "-onednn".equals(System.getProperty(PLATFORM_EXTENSION)) && loadedLibraryPathContains("-onednn");
    }

    private static boolean loadedLibraryPathContains(String text) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .anyMatch(l -> l.contains("libnd4jcpu") && l.contains(text));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * libnd4j sizes its thread pool once, from OMP_NUM_THREADS or the core count; M2.1 ignores
     * later changes of that size, but the number of threads an op may use ("master threads") and
     * OpenBLAS's threads can be lowered at any time, which is what this sets.
     */
    static void setThreads(int threads) {
        Environment env = Nd4j.getEnvironment();
        int n = Math.max(1, Math.min(threads, env.maxThreads()));
        env.setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        configuredThreads = n;
    }

    /** The thread count last set by {@link #setThreads}: the most any op may use. */
    static int configuredThreads() {
        return configuredThreads;
    }

    /**
     * Routes JavaCPP's messages to SLF4J and, for slf4j-simple, shows only errors of ND4J and
     * JavaCPP: their start-up banner (INFO) and harmless warnings (the javacpp/openblas version
     * mismatch, duplicate TF import mappings) stay hidden. An explicit user setting wins.
     */
    private static void quietLogging() {
        setIfAbsent("org.bytedeco.javacpp.logger", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.log.org.nd4j", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.bytedeco", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
