package org.polygrok.plotting.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads results folders (docs/RESULTS.md) into an {@link ExperimentFolder} per experiment, through the
 * same records that wrote them ({@link ExperimentRecord}, {@link TrialFiles}, {@link SummaryRow},
 * {@link AttentionMaps}). Needs no engine.
 */
public final class ResultsReader {
    /** The trials' folder inside an experiment's folder. */
    public static final String TRIALS = "trials";

    private ResultsReader() {
    }

    /** True if {@code dir} holds an experiment.json or an attention.json. */
    public static boolean isExperimentDir(Path dir) {
        return ExperimentRecord.exists(dir) || Files.isRegularFile(dir.resolve(AttentionMaps.FILE));
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
    public static ExperimentFolder read(Path dir) {
        if (!isExperimentDir(dir)) {
            throw new IllegalArgumentException(dir + " is not an experiment directory (it has neither "
                    + ExperimentRecord.FILE + " nor " + AttentionMaps.FILE + ")");
        }
        List<AttentionMaps> attention = AttentionMaps.files(dir).stream().map(AttentionMaps::read).toList();
        ExperimentRecord record = ExperimentRecord.exists(dir) ? ExperimentRecord.read(dir)
                : new ExperimentRecord("attention", "Q8", "", List.of(),
                        attention.stream().map(AttentionMaps::backend).toList(), List.of("gpt"), List.of(), "", null,
                        null, null, null);
        List<SummaryRow> summary = Files.isRegularFile(dir.resolve(SummaryRow.FILE)) ? SummaryRow.readAll(dir)
                : List.of();
        return new ExperimentFolder(dir, record, readTrials(dir.resolve(TRIALS)), summary, attention);
    }

    static List<Trial> readTrials(Path trialsDir) {
        if (!Files.isDirectory(trialsDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(trialsDir)) {
            List<Trial> out = new ArrayList<>();
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (TrialFiles.holdsTrial(d)) {
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
        TrialConfig config = TrialFiles.readConfig(dir);
        return new Trial(dir.getFileName().toString(), dir, config, readMetrics(dir),
                TrialFiles.readStatus(dir).orElse(null));
    }

    /** A trial's metrics.jsonl as columns: every number a line carries, by its key; NaN where a line lacks it. */
    public static MetricsTable readMetrics(Path trialDir) {
        List<Map<String, Object>> lines = TrialFiles.readMetricsLines(trialDir);
        double[] steps = new double[lines.size()];
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            steps[i] = ((Number) lines.get(i).get("step")).doubleValue();
            final int at = i;
            lines.get(i).forEach((k, v) -> {
                if (!k.equals("step") && v instanceof Number n) {
                    columns.computeIfAbsent(k, x -> nanArray(lines.size()))[at] = n.doubleValue();
                }
            });
        }
        return new MetricsTable(steps, columns);
    }

    private static double[] nanArray(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
