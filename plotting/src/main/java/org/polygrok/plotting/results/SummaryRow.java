package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.Optional;

/**
 * One row of an experiment's {@code summary.json} (docs/RESULTS.md): a backend, model and setting
 * (and, for Q6, a budget fraction α; null otherwise), the seeds aggregated, the model's non-embedding
 * parameter count (null when unknown), the trials that failed and why, and each PROTOCOL §7 quantity as
 * mean ± population std over seeds (null when no seed finished). The file is a JSON list of rows.
 *
 * <p>The seed statistics (issue 20) follow: {@code perSeed}, each Table-1 metric's value per seed in
 * {@code seeds} order; {@code comparisons}, the row against the other backends' rows of the same model,
 * setting and α (and, for Q1, against the course's published numbers); {@code reference}, those published
 * numbers, label → metric → mean ± std. Each is empty, and left out of the file, where there is none (one
 * seed, one backend, or results written before them).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"backend", "model", "setting", "alpha", "seeds", "num_params", "failed", "metrics", "per_seed",
        "comparisons", "reference"})
public record SummaryRow(String backend, String model, Map<String, Object> setting, Double alpha, List<Long> seeds,
        Long numParams, List<String> failed, Map<String, MeanStd> metrics,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<Double>> perSeed,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SeedComparison> comparisons,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, MeanStd>> reference) {

    public static final String FILE = "summary.json";

    public SummaryRow {
        setting = setting == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(setting));
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        failed = failed == null ? List.of() : List.copyOf(failed);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        perSeed = perSeed == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(perSeed));
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        reference = reference == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reference));
    }

    /** A row without seed statistics. */
    public SummaryRow(String backend, String model, Map<String, Object> setting, Double alpha, List<Long> seeds,
            Long numParams, List<String> failed, Map<String, MeanStd> metrics) {
        this(backend, model, setting, alpha, seeds, numParams, failed, metrics, null, null, null);
    }

    /** This row with its seed statistics. */
    public SummaryRow withSeedStatistics(Map<String, List<Double>> perSeed, List<SeedComparison> comparisons,
            Map<String, Map<String, MeanStd>> reference) {
        return new SummaryRow(backend, model, setting, alpha, seeds, numParams, failed, metrics, perSeed, comparisons,
                reference);
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

    /** The comparison of {@code metric} against {@code against} (a backend or a reference label), if the row has one. */
    public Optional<SeedComparison> comparison(String metric, String against) {
        return comparisons.stream().filter(c -> c.metric().equals(metric) && c.against().equals(against)).findFirst();
    }
}
