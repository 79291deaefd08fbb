package org.polygrok.tf;

import org.polygrok.api.BackendOptions;
import org.tensorflow.proto.ConfigProto;

/**
 * The session settings every TensorFlow session of a backend shares: intra-op threads from
 * {@link BackendOptions#effectiveThreads()}, one inter-op thread (the graphs are small and mostly
 * sequential, so a second scheduler thread only competes for the cores).
 *
 * <p>TensorFlow's CPU device thread pool is process-wide: the first session of the process fixes
 * the intra-op thread count for all later ones.
 */
final class TfSessionConfig {
    private TfSessionConfig() {
    }

    static ConfigProto of(BackendOptions options) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(options.effectiveThreads())
                .setInterOpParallelismThreads(1)
                .setAllowSoftPlacement(true)
                .build();
    }
}
