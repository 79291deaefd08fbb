package org.polygrok.tf;

import org.polygrok.api.BackendOptions;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.ConfigProto;

/**
 * TensorFlow itself: loading its natives (on first use of {@link TensorFlow}) and the session
 * settings every TensorFlow session of a backend shares: intra-op and inter-op threads both from
 * {@link BackendOptions#effectiveThreads()}. Independent ops (the LSTM's four gate products, Q/K/V)
 * then run side by side: on 2 cores an LSTM step took 35 ms with two inter-op threads against
 * 69 ms with one, a GPT step 61 against 64 ms (polygrok bench, same run).
 *
 * <p>TensorFlow's CPU device thread pool is process-wide: the first session of the process fixes
 * the intra-op thread count for all later ones.
 */
final class TfEngine {
    private TfEngine() {
    }

    /** Loads the natives (first call only) and returns TensorFlow's version, or null when it reports none. */
    static String load() {
        return TensorFlow.version();
    }

    static ConfigProto sessionConfig(BackendOptions options) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(options.effectiveThreads())
                .setInterOpParallelismThreads(options.effectiveThreads())
                .setAllowSoftPlacement(true)
                .build();
    }
}
