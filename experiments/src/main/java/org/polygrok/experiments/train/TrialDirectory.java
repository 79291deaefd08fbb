package org.polygrok.experiments.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

    /** The trial's name in progress reports: the folder's name (in a sweep, the trial's id). */
    public String name() {
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
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

    /** @throws IllegalArgumentException with one sentence when config.json cannot be read (a garbled file) */
    public TrialConfig readConfig() {
        return TrialFiles.readConfig(dir);
    }

    /**
     * True when metrics.jsonl exists and ends with a whole line: a DONE trial whose last line was cut off is
     * continued from its checkpoint, which logs its last evaluation again.
     */
    public boolean metricsComplete() {
        Path f = dir.resolve(METRICS);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            if (ch.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) == '\n';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes status.json atomically; when the disk is full, overwrites the existing file in place instead
     * (its block is already allocated), so that a trial can still be marked FAILED.
     */
    public void writeStatus(TrialStatus status) {
        try {
            Json.write(dir.resolve(STATUS), status);
        } catch (UncheckedIOException e) {
            if (!AtomicFiles.overwriteInPlace(dir.resolve(STATUS), (Json.line(status) + "\n")
                    .getBytes(StandardCharsets.UTF_8))) {
                throw e;
            }
        }
    }

    /**
     * The recorded status; empty when there is none, or when status.json cannot be read (a garbled file: the
     * trial then counts as interrupted and continues from its checkpoint, which rewrites it).
     */
    public Optional<TrialStatus> readStatus() {
        Path f = dir.resolve(STATUS);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            TrialStatus s = Json.mapper().readValue(Files.readAllBytes(f), TrialStatus.class);
            return s == null || s.status() == null ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void writeSummary(Map<String, Number> summary) {
        TrialFiles.writeSummary(dir, summary);
    }

    /**
     * Appends one line and forces it to disk. A failed write (a full disk) is cut back off, so the file keeps
     * whole lines; a crash mid-write leaves at most a torn last line, which readers skip.
     */
    public void appendMetrics(MetricsRecord record) {
        Path f = dir.resolve(METRICS);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long before = ch.size();
            ByteBuffer line = ByteBuffer.wrap((Json.line(record) + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                while (line.hasRemaining()) {
                    ch.write(line, before + line.position());
                }
                ch.force(false);
            } catch (IOException e) {
                ch.truncate(before);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + f + ": " + AtomicFiles.reason(e), e);
        }
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
        Path writing = next;
        try {
            deleteTree(next);
            Files.createDirectories(next);
            writing = next.resolve(WEIGHTS);
            AtomicFiles.write(writing, SafeTensors.encode(checkpoint.weights()));
            if (checkpoint.optimizer() != null) {
                writing = next.resolve(OPTIMIZER);
                AtomicFiles.write(writing, SafeTensors.encode(flatten(checkpoint.optimizer())));
            }
            writing = next.resolve(STATE); // last: marks the staged checkpoint complete
            AtomicFiles.write(writing, Json.line(checkpoint.info()).getBytes(StandardCharsets.UTF_8));
            writing = current;
            if (Files.exists(current)) { // else a crash between the two renames left only checkpoint.prev: keep it
                deleteTree(previous);
                Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(dir);
            deleteTree(previous);
        } catch (IOException e) {
            try {
                deleteTree(next); // frees the space a full disk needs to record how the trial ended
            } catch (IOException ignored) {
                // the staged copy is deleted by the next checkpoint
            }
            throw new UncheckedIOException("cannot write the checkpoint file " + writing + ": " + AtomicFiles.reason(e), e);
        }
    }

    /**
     * The latest complete checkpoint that can be read, if any. One that cannot (a truncated or garbled file) is
     * skipped with a warning on standard error, and the one before it, if kept, is used instead.
     */
    public Optional<Checkpoint> loadCheckpoint() {
        for (String name : new String[] {CHECKPOINT, CHECKPOINT + ".prev"}) {
            Path c = dir.resolve(name);
            if (Files.isRegularFile(c.resolve(STATE))) {
                try {
                    return Optional.of(read(c));
                } catch (RuntimeException e) {
                    System.err.println("warning: " + e.getMessage() + "; it is not used");
                }
            }
        }
        return Optional.empty();
    }

    private static Checkpoint read(Path c) {
        try {
            Checkpoint.Info info = Json.mapper().readValue(Files.readAllBytes(c.resolve(STATE)), Checkpoint.Info.class);
            Map<String, HostArray> weights = SafeTensors.read(c.resolve(WEIGHTS));
            OptimizerState optimizer = info.optimizerState()
                    ? unflatten(info.step(), info.slotsPerParameter(), weights.keySet(),
                            SafeTensors.read(c.resolve(OPTIMIZER)))
                    : null;
            return new Checkpoint(info, weights, optimizer);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("the checkpoint in " + c + " cannot be read (" + e.getMessage() + ")",
                    e instanceof IOException io ? io : new IOException(e));
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
