package org.polygrok.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.experiments.train.Checkpoint;
import org.polygrok.plotting.results.TrialStatus;
import org.polygrok.experiments.train.TrialDirectory;

/**
 * The results folder lives on a 32 MB tmpfs that is filled up while the first trial trains: that trial ends
 * FAILED with one sentence naming the file and "No space left on device", its last checkpoint and metrics stay
 * whole, the sweep reports it, and after the space is freed {@code resume --retry-failed} ends with the
 * summary of a sweep that never ran out of space.
 */
class DiskFullTest {
    private static final int STEPS = 120;

    @TempDir
    Path tmp;

    @Test
    void aFullDiskFailsTheTrialCleanlyAndRetryFinishesIt() throws Exception {
        Path whole = tmp.resolve("whole");
        Cli.Result uninterrupted = Cli.run(Cli.sweep("sanity", whole, STEPS, "--parallel=1", "--models=gpt"));
        assertThat(uninterrupted.code()).as(uninterrupted.all()).isZero();

        SmallDisk disk;
        try {
            disk = SmallDisk.mount(tmp.resolve("disk"), 32);
        } catch (IOException e) {
            Assumptions.abort("this test fills a real filesystem and needs to mount one: " + e.getMessage());
            return;
        }
        try (disk) {
            Path out = disk.path().resolve("out");
            Process sweep = Cli.start(tmp.resolve("sweep.log"), 10, Cli.sweep("sanity", out, STEPS, "--parallel=1",
                    "--models=gpt"));
            Path first = waitForCheckpoint(out.resolve("sanity/trials"), sweep);
            Path filler = disk.path().resolve("filler");
            disk.fill(filler);
            assertThat(sweep.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(tmp.resolve("sweep.log"), StandardCharsets.UTF_8);
            assertThat(sweep.exitValue()).as(log).isEqualTo(1);

            TrialDirectory failed = new TrialDirectory(first);
            TrialStatus status = failed.readStatus().orElseThrow();
            assertThat(status.status()).as(log).isEqualTo(TrialStatus.State.FAILED);
            assertThat(status.reason()).as("one sentence naming the file").contains(first.toString())
                    .contains("No space left on device").doesNotContain("\n").doesNotContain("Exception");
            assertThat(log).as("the sweep reports it").contains(first.getFileName() + ": FAILED")
                    .contains("No space left on device");
            Checkpoint kept = failed.loadCheckpoint().orElseThrow();
            assertThat(kept.step()).isPositive();
            Map<String, java.util.List<MetricsRecord>> reference = new ResultsTree(whole).metrics();
            java.util.List<MetricsRecord> metrics = ResultsTree.withoutTimes(failed.readMetrics());
            java.util.List<MetricsRecord> full = reference.get("sanity/" + first.getFileName());
            assertThat(metrics).isEqualTo(full.subList(0, metrics.size()));
            assertThat(metrics.get(metrics.size() - 1).step()).isGreaterThanOrEqualTo(kept.step());
            assertThat(Files.readAllBytes(first.resolve(TrialDirectory.METRICS))).endsWith((byte) '\n');

            Path record = Path.of("target", "reliability", "disk-full.md");
            Files.createDirectories(record.getParent());
            Files.writeString(record, "status.json: " + status + "\nsweep output:\n" + log.lines()
                    .filter(l -> l.contains("FAILED") || l.startsWith("error:")).reduce("", (a, b) -> a + b + "\n"),
                    StandardCharsets.UTF_8);
            Files.delete(filler);
            Cli.Result retried = Cli.run("resume", out.toString(), "--retry-failed");
            assertThat(retried.code()).as(retried.all()).isZero();
            assertThat(new ResultsTree(out).summaries()).isEqualTo(new ResultsTree(whole).summaries());
            assertThat(new ResultsTree(out).metrics()).isEqualTo(reference);
        }
    }

    /** The first trial folder once it has a checkpoint past step 20 and is still running. */
    private static Path waitForCheckpoint(Path trials, Process sweep) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            assertThat(sweep.isAlive()).as("the sweep ended before the disk could fill").isTrue();
            assertThat(System.nanoTime()).as("no checkpoint in time").isLessThan(deadline);
            if (Files.isDirectory(trials)) {
                try (var dirs = Files.list(trials)) {
                    for (Path t : dirs.sorted().toList()) {
                        TrialDirectory d = new TrialDirectory(t);
                        if (d.loadCheckpoint().map(c -> c.step() >= 20).orElse(false) && d.readStatus()
                                .map(s -> s.status() == TrialStatus.State.RUNNING).orElse(false)) {
                            return t;
                        }
                    }
                } catch (RuntimeException | IOException e) {
                    // a file being written right now; look again
                }
            }
            Thread.sleep(20);
        }
    }
}
