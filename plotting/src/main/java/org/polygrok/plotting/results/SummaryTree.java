package org.polygrok.plotting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An experiment's summary.json as a JSON tree, for the parts of its rows that the typed reader leaves
 * out ({@code per_seed}, {@code comparisons}, {@code reference}: docs/RESULTS.md).
 */
public final class SummaryTree {
    private SummaryTree() {
    }

    /** The rows of {@code dir/summary.json}; empty when there is no such file. */
    public static Optional<JsonNode> read(Path dir) {
        Path file = dir.resolve("summary.json");
        return Files.isRegularFile(file) ? Optional.of(Json.read(file, JsonNode.class)) : Optional.empty();
    }
}
