package org.polygrok.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.polygrok.api.backend.NativeEnvironment;

/**
 * Loads PyTorch through DJL once per JVM, offline, and sets PyTorch's intra-op thread count on the
 * calling thread when a backend starts work there (OpenMP keeps the count per thread).
 */
final class DjlEngine {
    private static final String ENGINE_NAME = "PyTorch";
    private static final String OFFLINE = "ai.djl.offline";
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    private static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";
    /**
     * The most advanced instruction set libtorch's oneDNN may use. On an AMD EPYC with AVX-512
     * (avx512_bf16, avx_vnni) its AVX-512 kernels of the fused {@code lstm} give wrong values without
     * gradients (libtorch 2.7.1: a one-layer LSTM of batch 3, hidden 5 off by up to 0.34, the model's
     * logits by 0.12; `DjlOpValuesTest`, `DjlModelTest`), while the AVX2 kernels agree with PyTorch to
     * 1e-6. oneDNN reads it at its first primitive; {@code ONEDNN_MAX_CPU_ISA=ALL} restores its choice.
     *
     * <p>The narrower fix, evaluating in oneDNN's {@code forward_training} kernel (grad mode on around
     * the fused LSTM) with no cap, was measured and not kept: the training step at batch 480 was only
     * 5–10 % shorter (43.3, 43.7, 51.2 against 48.5, 46.2, 54.4 ms, three alternating rounds; at
     * AVX-512 libtorch trains the LSTM on oneDNN's {@code ref} RNN kernels), and peak RSS grew
     * 30–85 MB (352–408 against 320–323 MB).
     */
    static final String ONEDNN_MAX_CPU_ISA = "AVX2";

    private static Engine engine;
    private static final ThreadLocal<Integer> THREADS_HERE = new ThreadLocal<>();

    private DjlEngine() {
    }

    /** The PyTorch engine, loaded (offline, one inter-op thread) on first use. */
    static synchronized Engine load(int threads) {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        if (engine == null) {
            NativeEnvironment.setDefault("ONEDNN_MAX_CPU_ISA", ONEDNN_MAX_CPU_ISA);
            if (System.getProperty(THREADS) == null) {
                System.setProperty(THREADS, Integer.toString(threads));
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
        return engine;
    }

    /**
     * The intra-op thread count for backend options: the requested count, else
     * {@code -Dai.djl.pytorch.num_threads}, else every available core.
     */
    static int threadsFor(int requested) {
        if (requested > 0) {
            return requested;
        }
        Integer property = Integer.getInteger(THREADS);
        return property != null && property > 0 ? property : Runtime.getRuntime().availableProcessors();
    }

    /** Makes PyTorch use {@code threads} intra-op threads for work started on the calling thread. */
    static void useThreads(int threads) {
        Integer here = THREADS_HERE.get();
        if (here == null || here != threads) {
            JniUtils.setNumThreads(threads);
            THREADS_HERE.set(threads);
        }
    }
}
