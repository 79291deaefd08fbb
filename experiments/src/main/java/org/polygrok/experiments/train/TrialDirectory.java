package org.polygrok.experiments.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.polygrok.experiments.io.AtomicFiles;
import org.polygrok.experiments.io.Json;
import org.polygrok.experiments.metrics.MetricsRecord;

/**
 * A trial's folder (docs/RESULTS.md): {@code config.json}, {@code metrics.jsonl}, {@code status.json},
 * {@code summary.json} and {@code checkpoint/}. Every whole-file write is atomic; a checkpoint is
 * staged in {@code checkpoint.next/} and swapped in by renames, so a crash leaves a complete one.
 */
public final class TrialDirectory {
    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String STATUS = "status.json";
    public static final String SUMMARY = "summary.json";
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
        return Files.isRegularFile(dir.resolve(CONFIG));
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
        Json.write(dir.resolve(CONFIG), config);
    }

    /** @throws IllegalArgumentException with one sentence when config.json cannot be read (a garbled file) */
    public TrialConfig readConfig() {
        try {
            return Json.read(dir.resolve(CONFIG), TrialConfig.class);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(dir.resolve(CONFIG) + " is not a readable trial configuration ("
                    + firstLine(e.getCause().getMessage()) + "); delete the folder " + dir + " to run the trial again");
        }
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

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("").strip();
    }

    /**
     * Writes status.json atomically; when the disk is full, overwrites the existing file in place instead
     * (its block is already allocated), so that a trial can still be marked FAILED.
     */
    public void writeStatus(RunStatus status) {
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
    public Optional<RunStatus> readStatus() {
        Path f = dir.resolve(STATUS);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            RunStatus s = Json.mapper().readValue(Files.readAllBytes(f), RunStatus.class);
            return s == null || s.status() == null ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void writeSummary(Map<String, Number> summary) {
        Json.write(dir.resolve(SUMMARY), summary);
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
        Path f = dir.resolve(METRICS);
        List<MetricsRecord> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(Json.mapper().readValue(line, MetricsRecord.class));
                } catch (IOException e) {
                    if (i < lines.size() - 1) {
                        throw new IllegalArgumentException("line " + (i + 1) + " of " + f + " is not a metrics record; "
                                + "delete the folder " + dir + " to run the trial again");
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the evaluations at steps ≤ {@code step} (a resumed trial logs the rest again). */
    public void truncateMetrics(long step) {
        StringBuilder sb = new StringBuilder();
        for (MetricsRecord r : readMetrics()) {
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
