package org.polygrok.cli;

import org.polygrok.api.BackendOptions;
import picocli.CommandLine.Option;

/** {@code --threads} and {@code --verbose}, for commands that run an engine. */
public final class EngineOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--verbose", description = "Show the engine's own logs, every evaluation, and stack traces.")
    boolean verbose;

    public BackendOptions backendOptions() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be 0 (all cores) or more, got " + threads);
        }
        return new BackendOptions(threads, verbose);
    }

    public boolean verbose() {
        return verbose;
    }
}
