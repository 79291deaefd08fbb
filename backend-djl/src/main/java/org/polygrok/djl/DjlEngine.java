package org.polygrok.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Loads PyTorch through DJL once per JVM, offline, with the thread settings it reads at load
 * time, and applies the intra-op thread count to each calling thread (OpenMP keeps it per thread).
 */
final class DjlEngine {
    private static final String ENGINE_NAME = "PyTorch";
    private static final String OFFLINE = "ai.djl.offline";
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    private static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";

    private static Engine engine;
    private static volatile int threads;
    private static final ThreadLocal<Integer> THREADS_SET_HERE = new ThreadLocal<>();

    private DjlEngine() {
    }

    /**
     * The PyTorch engine, loaded on first use.
     *
     * @param requestedThreads intra-op threads; 0 keeps {@code -Dai.djl.pytorch.num_threads} or PyTorch's default
     */
    static synchronized Engine load(int requestedThreads) {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        if (engine == null) {
            if (requestedThreads > 0) {
                System.setProperty(THREADS, Integer.toString(requestedThreads));
            }
            if (System.getProperty(INTEROP_THREADS) == null) {
                System.setProperty(INTEROP_THREADS, "1"); // polygrok runs one op at a time
            }
            if (System.getProperty(GRAPH_OPTIMIZER) == null) {
                System.setProperty(GRAPH_OPTIMIZER, "false"); // TorchScript only; silences its log line
            }
            try {
                engine = Engine.getEngine(ENGINE_NAME);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new IllegalStateException("PyTorch could not be loaded through DJL (offline, from the "
                        + "pytorch-native-cpu jar, extracted to " + DjlNatives.cacheDirectory() + "): " + e, e);
            }
        }
        threads = requestedThreads > 0 ? requestedThreads : JniUtils.getNumThreads();
        THREADS_SET_HERE.remove();
        useThreadsHere();
        return engine;
    }

    /** Applies the configured intra-op thread count to the calling thread, once per thread. */
    static void useThreadsHere() {
        Integer here = THREADS_SET_HERE.get();
        int wanted = threads;
        if (here == null || here != wanted) {
            if (JniUtils.getNumThreads() != wanted) {
                JniUtils.setNumThreads(wanted);
            }
            THREADS_SET_HERE.set(wanted);
        }
    }

    static int threads() {
        return threads;
    }
}
