package org.polygrok.plotting.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads experiment directories written by {@code polygrok run} (docs/RESULTS.md) into records. */
public final class ResultsReader {

    public static final String EXPERIMENT_FILE = "experiment.json";
    public static final String ATTENTION_FILE = "attention.json";

    private ResultsReader() {
    }

    /** True if {@code dir} holds an experiment.json or an attention.json. */
    public static boolean isExperimentDir(Path dir) {
        return Files.isRegularFile(dir.resolve(EXPERIMENT_FILE)) || Files.isRegularFile(dir.resolve(ATTENTION_FILE));
    }

    /** attention.json, then attention-BACKEND.json files (Q8 with several backends), by name. */
    static List<Path> attentionFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString()
                    .matches("attention(-[A-Za-z0-9_.-]+)?\\.json"))
                    .sorted(java.util.Comparator.comparing((Path f) -> !f.getFileName().toString().equals(ATTENTION_FILE))
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** {@code root} itself if it is an experiment directory, else its experiment subdirectories, by name. */
    public static List<Path> findExperiments(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a directory");
        }
        if (isExperimentDir(root)) {
            return List.of(root);
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).filter(ResultsReader::isExperimentDir).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Reads one experiment directory. */
    public static Experiment read(Path dir) {
        if (!isExperimentDir(dir)) {
            throw new IllegalArgumentException(dir + " is not an experiment directory (it has neither "
                    + EXPERIMENT_FILE + " nor " + ATTENTION_FILE + ")");
        }
        List<AttentionMaps> attention = attentionFiles(dir).stream().map(AttentionReader::read).toList();
        ExperimentSpec spec = Files.isRegularFile(dir.resolve(EXPERIMENT_FILE))
                ? readSpec(dir.resolve(EXPERIMENT_FILE))
                : new ExperimentSpec("attention", "Q8", "", List.of(),
                        attention.stream().map(AttentionMaps::backend).toList(), List.of("gpt"), List.of(), "", Map.of());
        List<SummaryRow> summary = Files.isRegularFile(dir.resolve("summary.json"))
                ? SummaryReader.read(dir.resolve("summary.json")) : List.of();
        return new Experiment(dir, spec, readTrials(dir.resolve("trials")), summary, attention);
    }

    static ExperimentSpec readSpec(Path file) {
        JsonNode n = Json.read(file);
        String name = Json.text(n, "experiment");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(file + " does not name its experiment (key \"experiment\")");
        }
        return new ExperimentSpec(name, Json.text(n, "question"), Json.text(n, "scale"), Json.texts(n, "sweep"),
                Json.texts(n, "backends"), Json.texts(n, "models"), Json.integers(n, "seeds"), Json.text(n, "notes"),
                Json.object(n, null));
    }

    static List<Trial> readTrials(Path trialsDir) {
        if (!Files.isDirectory(trialsDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(trialsDir)) {
            List<Trial> out = new ArrayList<>();
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(d.resolve("config.json"))) {
                    out.add(readTrial(d));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + trialsDir, e);
        }
    }

    /** Reads one trial directory (config.json required; metrics.jsonl and status.json may be missing). */
    public static Trial readTrial(Path dir) {
        TrialConfig config = readConfig(dir.resolve("config.json"));
        Path metrics = dir.resolve("metrics.jsonl");
        MetricsTable table = Files.isRegularFile(metrics) ? readMetrics(metrics)
                : new MetricsTable(new double[0], Map.of());
        Path statusFile = dir.resolve("status.json");
        TrialStatus status = TrialStatus.MISSING;
        if (Files.isRegularFile(statusFile)) {
            JsonNode s = Json.read(statusFile);
            status = new TrialStatus(Json.text(s, "status"), Json.integer(s, "step"), Json.text(s, "reason"));
        }
        return new Trial(dir.getFileName().toString(), dir, config, table, status);
    }

    static TrialConfig readConfig(Path file) {
        JsonNode n = Json.read(file);
        if (Json.text(n, "model").isEmpty()) {
            throw new IllegalArgumentException(file + " does not name its model (key \"model\")");
        }
        return new TrialConfig(Json.text(n, "model"), Json.text(n, "backend"), Json.text(n, "engine"),
                Json.integer(n, "seed"), new Setting(Json.object(n, "setting")), Json.object(n, null));
    }

    /**
     * Reads metrics.jsonl. A malformed last line (a run killed mid-write) is skipped; a malformed line
     * elsewhere is an error.
     */
    public static MetricsTable readMetrics(Path file) {
        List<String> lines = Json.readLines(file).stream().filter(l -> !l.isBlank()).toList();
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                rows.add(Json.parseLine(lines.get(i)));
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + " is not valid JSON", e);
                }
            }
        }
        double[] steps = new double[rows.size()];
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (!row.has("step")) {
                throw new IllegalArgumentException(file + ": evaluation " + (i + 1) + " has no \"step\"");
            }
            steps[i] = row.get("step").asDouble();
            final int at = i;
            row.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("step") && f.getValue().isNumber()) {
                    columns.computeIfAbsent(f.getKey(), k -> nanArray(rows.size()))[at] = f.getValue().asDouble();
                }
            });
        }
        return new MetricsTable(steps, columns);
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
