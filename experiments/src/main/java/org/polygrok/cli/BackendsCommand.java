package org.polygrok.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code polygrok backends}: one line per discovered engine. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the discovered backends: name, engine and version, available or why not, native libraries.")
final class BackendsCommand implements Callable<Integer> {
    @Mixin
    BackendOption backend;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final BackendSelector selector;

    @Inject
    BackendsCommand(BackendSelector selector) {
        this.selector = selector;
    }

    @Override
    public Integer call() {
        backend.validateIfGiven();
        List<BackendProvider> providers = selector.all();
        PrintWriter out = spec.commandLine().getOut();
        if (providers.isEmpty()) {
            out.println("no backend module is on the class path");
            return 0;
        }
        int nameWidth = providers.stream().mapToInt(p -> p.name().length()).max().orElse(4);
        int engineWidth = providers.stream().mapToInt(p -> p.engineDescription().length()).max().orElse(6);
        for (BackendProvider p : providers) {
            String state = p.isAvailable() ? "available" : "unavailable: " + p.unavailableReason();
            out.printf("%-" + nameWidth + "s  %-" + engineWidth + "s  %s  (natives: %s)%n", p.name(),
                    p.engineDescription(), state, p.nativeLocation());
        }
        out.flush();
        return 0;
    }
}
