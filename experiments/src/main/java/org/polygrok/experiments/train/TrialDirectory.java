package org.polygrok.experiments.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.polygrok.api.HostArray;
import org.polygrok.api.io.SafeTensors;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.plotting.results.AtomicFiles;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialFiles;
import org.polygrok.plotting.results.TrialStatus;

/**
 * A trial's folder (docs/RESULTS.md): the results files of {@link TrialFiles} ({@code config.json},
 * {@code metrics.jsonl}, {@code status.json}, {@code summary.json}) and {@code checkpoint/}. Every whole-file
 * write is atomic; a checkpoint is
 * staged in {@code checkpoint.next/} and swapped in by renames, so a crash leaves a complete one.
 */
public final class TrialDirectory {
    public static final String CONFIG = TrialFiles.CONFIG;
    public static final String METRICS = TrialFiles.METRICS;
    public static final String STATUS = TrialFiles.STATUS;
    public static final String SUMMARY = TrialFiles.SUMMARY;
    public static final String CHECKPOINT = "checkpoint";
    private static final String WEIGHTS = "weights.safetensors";
    private static final String OPTIMIZER = "optimizer.safetensors";
    private static final String STATE = "state.json";

    private final Path dir;

    public TrialDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public boolean holdsTrial() {
        return TrialFiles.holdsTrial(dir);
    }

    /**
     * Checks that the folder can hold this trial: writable, and either absent, empty or already a trial.
     *
     * @throws IllegalArgumentException with one sentence when it cannot
     */
    public void requireUsable() {
        AtomicFiles.requireWritableDirectory(dir, "the output folder");
        if (Files.isDirectory(dir) && !holdsTrial()) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the output folder " + dir
                            + " is not empty and holds no polygrok trial; choose an empty or new folder");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("the output folder " + dir + " cannot be read: " + e.getMessage());
            }
        }
    }

    public void writeConfig(TrialConfig config) {
        TrialFiles.writeConfig(dir, config);
    }

    public TrialConfig readConfig() {
        return TrialFiles.readConfig(dir);
    }

    public void writeStatus(TrialStatus status) {
        TrialFiles.writeStatus(dir, status);
    }

    public Optional<TrialStatus> readStatus() {
        return TrialFiles.readStatus(dir);
    }

    public void writeSummary(Map<String, Number> summary) {
        TrialFiles.writeSummary(dir, summary);
    }

    public void appendMetrics(MetricsRecord record) {
        TrialFiles.appendMetrics(dir, record);
    }

    /** The logged evaluations, in order; a torn last line (a crash mid-write) is ignored. */
    public List<MetricsRecord> readMetrics() {
        return TrialFiles.readMetrics(dir);
    }

    /** Keeps the evaluations at steps ≤ {@code step} (a resumed trial logs the rest again). */
    public void truncateMetrics(long step) {
        TrialFiles.truncateMetrics(dir, step);
    }

    public void saveCheckpoint(Checkpoint checkpoint) {
        Path next = dir.resolve(CHECKPOINT + ".next");
        Path current = dir.resolve(CHECKPOINT);
        Path previous = dir.resolve(CHECKPOINT + ".prev");
        try {
            deleteTree(next);
            Files.createDirectories(next);
            SafeTensors.write(next.resolve(WEIGHTS), checkpoint.weights());
            if (checkpoint.optimizer() != null) {
                AtomicFiles.write(next.resolve(OPTIMIZER), SafeTensors.encode(flatten(checkpoint.optimizer())));
            }
            Json.write(next.resolve(STATE), checkpoint.info()); // last: marks the staged checkpoint complete
            deleteTree(previous);
            if (Files.exists(current)) {
                Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The latest complete checkpoint, if any. */
    public Optional<Checkpoint> loadCheckpoint() {
        for (String name : new String[] {CHECKPOINT, CHECKPOINT + ".prev"}) {
            Path c = dir.resolve(name);
            if (Files.isRegularFile(c.resolve(STATE))) {
                return Optional.of(read(c));
            }
        }
        return Optional.empty();
    }

    private static Checkpoint read(Path c) {
        Checkpoint.Info info = Json.read(c.resolve(STATE), Checkpoint.Info.class);
        try {
            Map<String, HostArray> weights = SafeTensors.read(c.resolve(WEIGHTS));
            OptimizerState optimizer = info.optimizerState()
                    ? unflatten(info.step(), info.slotsPerParameter(), weights.keySet(),
                            SafeTensors.read(c.resolve(OPTIMIZER)))
                    : null;
            return new Checkpoint(info, weights, optimizer);
        } catch (IOException e) {
            throw new UncheckedIOException("the checkpoint in " + c + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Slot k of parameter "name" is stored as "slot{k}.name". */
    private static Map<String, HostArray> flatten(OptimizerState state) {
        Map<String, HostArray> out = new LinkedHashMap<>();
        state.slots().forEach((name, slots) -> {
            for (int k = 0; k < slots.size(); k++) {
                out.put("slot" + k + "." + name, slots.get(k));
            }
        });
        return out;
    }

    private static OptimizerState unflatten(long step, int slotsPerParameter, Iterable<String> names,
            Map<String, HostArray> flat) {
        Map<String, List<HostArray>> slots = new LinkedHashMap<>();
        for (String name : names) {
            List<HostArray> list = new ArrayList<>();
            for (int k = 0; k < slotsPerParameter; k++) {
                HostArray v = flat.get("slot" + k + "." + name);
                if (v == null) {
                    throw new IllegalStateException("the checkpoint lacks optimizer slot " + k + " of " + name);
                }
                list.add(v);
            }
            slots.put(name, list);
        }
        return new OptimizerState(step, slots);
    }

    /** Removes {@code p} and everything under it, if it exists. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
