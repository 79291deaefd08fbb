package org.polygrok.cli;

import java.util.List;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.api.UnknownBackendException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --backend NAME} or {@code --backends LIST}, for the commands that can use several engines at once. */
public final class BackendsOption {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "One engine: djl, tf or nd4j (default: $POLYGROK_BACKEND, else the best available).")
    String backend;

    @Option(names = "--backends", paramLabel = "LIST",
            description = "Comma-separated engines (e.g. djl,tf,nd4j), or all.")
    String backends;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /** True when the user named a single engine with --backend. */
    public boolean single() {
        return backend != null;
    }

    /**
     * The engines asked for; with neither option, {@code whenNeither} ("all", or null for the default backend).
     * Both options, or an unknown or unavailable name, is bad input (exit 2) with the list of names.
     */
    public List<BackendProvider> select(String whenNeither) {
        if (backend != null && backends != null) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "give --backend or --backends, not both");
        }
        try {
            if (backends != null) {
                return Backends.selectAll(backends);
            }
            if (backend == null && whenNeither != null) {
                return Backends.selectAll(whenNeither);
            }
            return List.of(Backends.select(backend));
        } catch (UnknownBackendException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
