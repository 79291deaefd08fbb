package org.polygrok.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's per-thread autograd switch as a scope: {@code try (GradMode g = GradMode.off()) {...}}
 * runs without recording a graph (torch.no_grad) and restores the previous mode.
 */
final class GradMode implements AutoCloseable {
    private final boolean previous;

    private GradMode(boolean enabled) {
        previous = JniUtils.isGradMode();
        if (previous != enabled) {
            JniUtils.setGradMode(enabled);
        }
    }

    static GradMode off() {
        return new GradMode(false);
    }

    @Override
    public void close() {
        if (JniUtils.isGradMode() != previous) {
            JniUtils.setGradMode(previous);
        }
    }
}
