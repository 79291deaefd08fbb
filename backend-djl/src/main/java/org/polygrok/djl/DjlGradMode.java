package org.polygrok.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's per-thread autograd switch as a scope: {@code try (DjlGradMode g = DjlGradMode.off()) {...}}
 * runs without recording a graph (torch.no_grad) and restores the previous mode.
 */
final class DjlGradMode implements AutoCloseable {
    private final boolean previous;

    private DjlGradMode(boolean enabled) {
        previous = JniUtils.isGradMode();
        if (previous != enabled) {
            JniUtils.setGradMode(enabled);
        }
    }

    static DjlGradMode off() {
        return new DjlGradMode(false);
    }

    @Override
    public void close() {
        if (JniUtils.isGradMode() != previous) {
            JniUtils.setGradMode(previous);
        }
    }
}
