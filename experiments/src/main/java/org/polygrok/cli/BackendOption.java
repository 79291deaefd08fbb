package org.polygrok.cli;

import jakarta.inject.Inject;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.UnknownBackendException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --backend NAME}, shared by every command. */
public final class BackendOption {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Engine: djl, tf or nd4j (default: $POLYGROK_BACKEND, else the best available).")
    String name;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    private final BackendSelector selector;

    @Inject
    BackendOption(BackendSelector selector) {
        this.selector = selector;
    }

    /** The chosen provider; an unknown or unavailable name is bad input (exit 2) with the list of names. */
    public BackendProvider select() {
        try {
            return selector.select(name);
        } catch (UnknownBackendException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /** Checks {@code --backend} when it is given (commands that need no engine still reject a wrong name). */
    public void validateIfGiven() {
        if (name != null) {
            select();
        }
    }
}
