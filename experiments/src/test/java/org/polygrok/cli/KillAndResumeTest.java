package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.process.JavaCommand;
import org.polygrok.experiments.sweep.run.TrialChild;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialStatus;

/**
 * A sweep in a child JVM is killed with SIGKILL (its whole process tree) while trials run; {@code polygrok
 * resume} finishes it; its summary and every trial's metrics equal those of an uninterrupted sweep.
 */
class KillAndResumeTest {
    private static final int STEPS = 160;

    @TempDir
    Path tmp;

    @Test
    void aKilledSweepResumesToTheSameSummary() throws Exception {
        Path whole = tmp.resolve("whole");
        CliResult uninterrupted = CliResult.run(TinySweeps.run("sanity", whole, STEPS, "--parallel=2"));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

        Path killed = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(JavaCommand.forMain(Polygrok.class, TinySweeps.run("sanity", killed, STEPS,
                "--parallel=2")));
        cmd.add(1, "-D" + TrialChild.CHECKPOINT_PERIOD_PROPERTY + "=10");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile());
        JavaCommand.engineEnvironment(pb.environment(), 2);
        Process sweep = pb.start();
        Path trials = killed.resolve("sanity/trials");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!midway(trials)) {
            assertThat(sweep.isAlive()).as("the sweep ended before it could be killed").isTrue();
            assertThat(System.nanoTime()).as("no checkpoint appeared in time").isLessThan(deadline);
            Thread.sleep(100);
        }
        List<ProcessHandle> tree = new ArrayList<>(sweep.descendants().toList());
        tree.add(sweep.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly); // SIGKILL
        for (ProcessHandle h : tree) {
            h.onExit().get();
        }
        List<String> interrupted = statuses(trials).entrySet().stream()
                .filter(e -> e.getValue().status() == TrialStatus.State.RUNNING).map(Map.Entry::getKey).toList();
        assertThat(interrupted).as("trials caught mid-way").isNotEmpty();
        everyFileIsReadable(killed);

        CliResult resumed = CliResult.run("resume", killed.toString());
        assertThat(resumed.code()).as(resumed.err() + resumed.out()).isZero();
        assertThat(resumed.out()).contains("continuing, steps");
        assertThat(Files.readString(killed.resolve("sanity/summary.json")))
                .isEqualTo(Files.readString(whole.resolve("sanity/summary.json")));
        for (Path t : list(whole.resolve("sanity/trials"))) {
            Path other = trials.resolve(t.getFileName());
            assertThat(withoutTimes(new TrialDirectory(other).readMetrics()))
                    .isEqualTo(withoutTimes(new TrialDirectory(t).readMetrics()));
            assertThat(new TrialDirectory(other).readStatus()).contains(TrialStatus.done(STEPS));
        }
    }

    /** True once some trial has a checkpoint and is still running. */
    private static boolean midway(Path trials) throws IOException {
        if (!Files.isDirectory(trials)) {
            return false;
        }
        for (Path t : list(trials)) {
            TrialDirectory d = new TrialDirectory(t);
            if (Files.isRegularFile(t.resolve("checkpoint/state.json"))
                    && d.readStatus().map(s -> s.status() == TrialStatus.State.RUNNING).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, TrialStatus> statuses(Path trials) throws IOException {
        Map<String, TrialStatus> out = new TreeMap<>();
        for (Path t : list(trials)) {
            new TrialDirectory(t).readStatus().ifPresent(s -> out.put(t.getFileName().toString(), s));
        }
        return out;
    }

    /** Every JSON file parses; metrics.jsonl may only lose a torn last line; checkpoints load. */
    private static void everyFileIsReadable(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json")) {
                    Json.mapper().readTree(f.toFile());
                }
            }
        }
        for (Path t : list(dir.resolve("sanity/trials"))) {
            new TrialDirectory(t).readMetrics();
            new TrialDirectory(t).loadCheckpoint();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<MetricsRecord> withoutTimes(List<MetricsRecord> records) {
        return records.stream().map(r -> r.withElapsedS(0)).toList();
    }
}
