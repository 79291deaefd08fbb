package org.polygrok.plotting.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one trial's folder that the results contract defines (docs/RESULTS.md), read and written
 * side by side: {@code config.json} ({@link TrialConfig}), {@code status.json} ({@link TrialStatus}),
 * {@code metrics.jsonl} (one {@link MetricsRecord} per line, appended) and {@code summary.json}. Whole
 * files are written atomically; a torn last line of metrics.jsonl (a run killed mid-append) is ignored,
 * a malformed line elsewhere is an error. The checkpoint is the training code's own business.
 */
public final class TrialFiles {
    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String STATUS = "status.json";
    public static final String SUMMARY = "summary.json";

    private TrialFiles() {
    }

    public static boolean holdsTrial(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    public static void writeConfig(Path dir, TrialConfig config) {
        Json.write(dir.resolve(CONFIG), config);
    }

    /** @throws IllegalArgumentException naming the file when it is not a trial configuration */
    public static TrialConfig readConfig(Path dir) {
        Path file = dir.resolve(CONFIG);
        JsonNode tree = Json.read(file, JsonNode.class);
        if (!tree.path("model").isTextual() || tree.path("model").asText().isEmpty()) {
            throw new IllegalArgumentException(file + " does not name its model (key \"model\")");
        }
        try {
            return Json.mapper().treeToValue(tree, TrialConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a trial configuration: " + e.getOriginalMessage(), e);
        }
    }

    public static void writeStatus(Path dir, TrialStatus status) {
        Json.write(dir.resolve(STATUS), status);
    }

    /** The recorded status; empty when the trial has not started training (no status.json). */
    public static Optional<TrialStatus> readStatus(Path dir) {
        Path f = dir.resolve(STATUS);
        return Files.isRegularFile(f) ? Optional.of(Json.read(f, TrialStatus.class)) : Optional.empty();
    }

    public static void writeSummary(Path dir, Map<String, Number> summary) {
        Json.write(dir.resolve(SUMMARY), summary);
    }

    public static void appendMetrics(Path dir, MetricsRecord record) {
        try {
            Files.writeString(dir.resolve(METRICS), Json.line(record) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(METRICS) + ": " + e.getMessage(), e);
        }
    }

    /** The logged evaluations, in order (none when there is no metrics.jsonl); a torn last line is ignored. */
    public static List<MetricsRecord> readMetrics(Path dir) {
        return readMetricsLines(dir).stream().map(m -> Json.mapper().convertValue(m, MetricsRecord.class)).toList();
    }

    /**
     * The lines of metrics.jsonl as read, field by field, for readers that want exactly what a line carries
     * (a field a line lacks is absent, not 0). A torn last line is ignored; a malformed line elsewhere is an
     * {@link IllegalArgumentException} naming the file and line.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readMetricsLines(Path dir) {
        Path f = dir.resolve(METRICS);
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> record;
            try {
                record = Json.readLine(line, LinkedHashMap.class);
            } catch (IllegalArgumentException e) {
                if (i < last) {
                    throw new IllegalArgumentException("line " + (i + 1) + " of " + f + " is not a metrics record: "
                            + e.getMessage(), e);
                }
                continue;
            }
            if (!(record.get("step") instanceof Number)) {
                throw new IllegalArgumentException("line " + (i + 1) + " of " + f + " has no \"step\"");
            }
            out.add(record);
        }
        return out;
    }

    /** Keeps the evaluations at steps ≤ {@code step} (a resumed trial logs the rest again). */
    public static void truncateMetrics(Path dir, long step) {
        StringBuilder sb = new StringBuilder();
        for (MetricsRecord r : readMetrics(dir)) {
            if (r.step() <= step) {
                sb.append(Json.line(r)).append('\n');
            }
        }
        try {
            AtomicFiles.write(dir.resolve(METRICS), sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + dir.resolve(METRICS) + ": " + e.getMessage(), e);
        }
    }
}
