package org.polygrok.cli;

import picocli.CommandLine.Option;

/** Depth and width of either model, shared by {@code train}, {@code crosscheck} and {@code bench}. */
public final class ModelSizeOptions {
    @Option(names = "--layers", paramLabel = "L", defaultValue = "2", description = "(default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "128",
            description = "Embedding = hidden width (default: ${DEFAULT-VALUE}).")
    int dim;
}
