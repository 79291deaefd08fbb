package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an experiment's {@code summary.json} (docs/RESULTS.md): a backend, model and setting
 * (and, for Q6, a budget fraction α; null otherwise), the seeds aggregated, the model's non-embedding
 * parameter count (null when unknown), the trials that failed and why, and each PROTOCOL §7 quantity as
 * mean ± population std over seeds (null when no seed finished). The file is a JSON list of rows.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"backend", "model", "setting", "alpha", "seeds", "num_params", "failed", "metrics"})
public record SummaryRow(String backend, String model, Map<String, Object> setting, Double alpha, List<Long> seeds,
        Long numParams, List<String> failed, Map<String, MeanStd> metrics) {

    public static final String FILE = "summary.json";

    public SummaryRow {
        setting = setting == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(setting));
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        failed = failed == null ? List.of() : List.copyOf(failed);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Writes {@code rows} as the experiment's summary.json, atomically. */
    public static void writeAll(Path experimentDir, List<SummaryRow> rows) {
        Json.write(experimentDir.resolve(FILE), rows);
    }

    /** The rows of the experiment's summary.json. */
    public static List<SummaryRow> readAll(Path experimentDir) {
        Path file = experimentDir.resolve(FILE);
        JsonNode tree = Json.read(file, JsonNode.class);
        if (!tree.isArray()) {
            throw new IllegalArgumentException(file + " must hold a JSON list of summary rows");
        }
        return List.copyOf(Json.mapper().convertValue(tree, new TypeReference<List<SummaryRow>>() { }));
    }

    /** The quantity, {@link MeanStd#UNKNOWN} when the row does not carry it. */
    public MeanStd metric(String key) {
        MeanStd v = metrics.get(key);
        return v == null ? MeanStd.UNKNOWN : v;
    }

    public boolean hasMetrics() {
        return !metrics.isEmpty();
    }

    public boolean hasAlpha() {
        return alpha != null;
    }

    /** The setting as a point of the experiment's grid (2 and 2.0 are the same point). */
    public Setting point() {
        return new Setting(setting);
    }
}
