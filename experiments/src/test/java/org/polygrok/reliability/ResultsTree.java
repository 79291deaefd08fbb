package org.polygrok.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.experiments.train.Checkpoint;
import org.polygrok.plotting.results.TrialStatus;
import org.polygrok.experiments.train.TrialDirectory;

/** What a results folder holds, read as the fault tests compare it: summaries, and every trial's metrics and status. */
final class ResultsTree {
    /** The summaries that must not depend on how often a sweep was interrupted. */
    static final List<String> SUMMARY_FILES = List.of("summary.json", "summary.csv");

    private final Path out;

    ResultsTree(Path out) {
        this.out = out;
    }

    /** Experiment folders (those with an experiment.json), by name. */
    List<Path> experiments() throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("experiment.json"))).sorted().toList();
        }
    }

    /** Trial folders of every experiment, by experiment/trial name. */
    Map<String, Path> trials() throws IOException {
        Map<String, Path> m = new TreeMap<>();
        for (Path e : experiments()) {
            Path trials = e.resolve("trials");
            if (Files.isDirectory(trials)) {
                try (Stream<Path> s = Files.list(trials)) {
                    s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                            .forEach(d -> m.put(e.getFileName() + "/" + d.getFileName(), d));
                }
            }
        }
        return m;
    }

    /** Summary texts by experiment/file. */
    Map<String, String> summaries() throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (Path e : experiments()) {
            for (String f : SUMMARY_FILES) {
                if (Files.isRegularFile(e.resolve(f))) {
                    m.put(e.getFileName() + "/" + f, Files.readString(e.resolve(f), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    /** Every trial's metrics without wall times, by experiment/trial. */
    Map<String, List<MetricsRecord>> metrics() throws IOException {
        Map<String, List<MetricsRecord>> m = new TreeMap<>();
        for (Map.Entry<String, Path> t : trials().entrySet()) {
            m.put(t.getKey(), withoutTimes(new TrialDirectory(t.getValue()).readMetrics()));
        }
        return m;
    }

    Map<String, Optional<TrialStatus>> statuses() throws IOException {
        Map<String, Optional<TrialStatus>> m = new TreeMap<>();
        for (Map.Entry<String, Path> t : trials().entrySet()) {
            m.put(t.getKey(), new TrialDirectory(t.getValue()).readStatus());
        }
        return m;
    }

    /** The step of each trial's checkpoint that a resume would continue from (0 = none). */
    Map<String, Long> checkpointSteps() throws IOException {
        Map<String, Long> m = new TreeMap<>();
        for (Map.Entry<String, Path> t : trials().entrySet()) {
            m.put(t.getKey(), new TrialDirectory(t.getValue()).loadCheckpoint().map(Checkpoint::step).orElse(0L));
        }
        return m;
    }

    /**
     * What is wrong with the folder as a crash may leave it, against a finished uninterrupted run: a JSON file
     * that does not parse, a metrics line that is not a whole record (other than a torn last line), a duplicated
     * or missing evaluation, a value other than the reference's, a checkpoint that does not load, or one ahead of
     * the logged metrics. Empty when nothing is.
     */
    List<String> problems(ResultsTree reference) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return problems; // killed before it wrote anything
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json") && !name.startsWith(".")) {
                    try {
                        Json.mapper().readTree(f.toFile());
                    } catch (IOException e) {
                        problems.add(out.relativize(f) + " does not parse: " + e.getMessage());
                    }
                }
            }
        }
        Map<String, List<MetricsRecord>> expected = reference.metrics();
        for (Map.Entry<String, Path> t : trials().entrySet()) {
            TrialDirectory dir = new TrialDirectory(t.getValue());
            List<MetricsRecord> got;
            try {
                got = withoutTimes(dir.readMetrics());
            } catch (RuntimeException e) {
                problems.add(t.getKey() + ": metrics.jsonl: " + e.getMessage());
                continue;
            }
            List<MetricsRecord> want = expected.getOrDefault(t.getKey(), List.of());
            if (got.size() > want.size() || !want.subList(0, got.size()).equals(got)) {
                problems.add(t.getKey() + ": its " + got.size() + " evaluations are not the first ones of the "
                        + "uninterrupted run (steps " + got.stream().map(MetricsRecord::step).toList() + ")");
            }
            long checkpoint;
            try {
                checkpoint = dir.loadCheckpoint().map(Checkpoint::step).orElse(0L);
            } catch (RuntimeException e) {
                problems.add(t.getKey() + ": the checkpoint does not load: " + e.getMessage());
                continue;
            }
            long logged = got.isEmpty() ? -1 : got.get(got.size() - 1).step();
            if (checkpoint > 0 && logged < lastEvaluationAtOrBefore(want, checkpoint)) {
                problems.add(t.getKey() + ": checkpoint at step " + checkpoint + " but metrics only to step " + logged);
            }
        }
        return problems;
    }

    /** Files a finished sweep must not leave behind: temporary files and staged or previous checkpoints. */
    List<Path> leftovers() throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(out)) {
            return all.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".tmp") || n.equals("checkpoint.next") || n.equals("checkpoint.prev")
                        || n.endsWith(".copy");
            }).map(out::relativize).toList();
        }
    }

    /** True when some trial's metrics.jsonl ends in a torn (unterminated) line. */
    boolean hasTornMetricsLine() throws IOException {
        for (Path t : trials().values()) {
            Path f = t.resolve(TrialDirectory.METRICS);
            if (Files.isRegularFile(f) && Files.size(f) > 0) {
                byte[] b = Files.readAllBytes(f);
                if (b[b.length - 1] != '\n') {
                    return true;
                }
            }
        }
        return false;
    }

    private static long lastEvaluationAtOrBefore(List<MetricsRecord> records, long step) {
        return records.stream().mapToLong(MetricsRecord::step).filter(s -> s <= step).max().orElse(-1);
    }

    static List<MetricsRecord> withoutTimes(List<MetricsRecord> records) {
        return records.stream().map(r -> r.withElapsedS(0)).toList();
    }
}
