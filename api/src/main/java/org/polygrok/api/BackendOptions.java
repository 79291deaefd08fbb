package org.polygrok.api;

/**
 * Engine settings chosen by the user (threads 0 = all available cores; verbose = let the engine
 * print its own logs).
 */
public record BackendOptions(int threads, boolean verbose) {
    public static BackendOptions defaults() {
        return new BackendOptions(0, false);
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
