package org.polygrok.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.experiments.train.TrialDirectory;

/**
 * Damaged results read by every command that reads them (resume, plot, report, train on an existing folder):
 * each damage has one defined outcome — continue from the last good state, rerun the trial, or refuse with exit
 * code 2 in one sentence — and never a stack trace, exit code 1, or a summary other than an undamaged run's.
 */
class CorruptFilesTest {
    private static final int STEPS = 60;
    private static final String[] TRAIN = {"train", "--backend=djl", "--model=gpt", "--p=7", "--dim=16", "--layers=1",
        "--steps=40", "--eval-first=2", "--eval-period=10"};

    @TempDir
    static Path shared;
    static Path sweep;
    static Path trial;

    @TempDir
    Path tmp;

    @BeforeAll
    static void undamagedRuns() {
        sweep = shared.resolve("sweep");
        Cli.Result r = Cli.run(Cli.sweep("sanity", sweep, STEPS, "--parallel=2"));
        assertThat(r.code()).as(r.all()).isZero();
        trial = shared.resolve("trial");
        Cli.Result t = Cli.run(train(trial));
        assertThat(t.code()).as(t.all()).isZero();
    }

    // ---- resume: continue or rerun, and end with the undamaged summary

    /**
     * Four trials, four damages, one resume: a truncated only checkpoint (rerun from step 0, with a warning in
     * the trial's log), a half-written last metrics line (the last evaluation logged again), a garbled
     * status.json (continued from the checkpoint) and a missing trial folder (rerun).
     */
    @Test
    void resumeRepairsEachDamageItsOwnWay() throws IOException {
        Path out = damagedSweep();
        List<Path> t = trials(out);
        Corruption.setStatusRunning(t.get(0), STEPS);
        Corruption.truncateHalf(t.get(0).resolve("checkpoint/weights.safetensors"));
        Corruption.halfLastLine(t.get(1).resolve("metrics.jsonl"));
        Corruption.garble(t.get(2).resolve("status.json"));
        Corruption.delete(t.get(3));
        Cli.Result r = resumesToTheUndamagedSummary(out);
        assertThat(r.out()).contains(t.get(0).getFileName() + ": training, steps 1.." + STEPS)
                .contains(t.get(1).getFileName() + ": continuing, steps " + (STEPS + 1))
                .contains(t.get(2).getFileName() + ": continuing, steps " + (STEPS + 1))
                .contains(t.get(3).getFileName() + ": training, steps 1.." + STEPS);
        assertThat(Files.readString(out.resolve("sanity/logs/" + t.get(0).getFileName() + ".log")))
                .contains("warning: the checkpoint in " + t.get(0).resolve("checkpoint") + " cannot be read");
    }

    @Test
    void resumeRefusesAGarbledExperimentRecord() throws IOException {
        Path out = damagedSweep();
        Corruption.garble(out.resolve("sanity/experiment.json"));
        refusedInOneSentence(Cli.run("resume", out.toString()), out.resolve("sanity/experiment.json") + " is not valid JSON"
                );
    }

    // ---- plot and report: draw from whole lines, refuse what cannot be read

    @Test
    void plotAndReportSkipAHalfMetricsLineAndAMissingTrial() throws IOException {
        Path out = damagedSweep();
        List<Path> trials = trials(out);
        Corruption.halfLastLine(trials.get(0).resolve("metrics.jsonl"));
        Corruption.delete(trials.get(1));
        Corruption.truncateHalf(trials.get(0).resolve("checkpoint/weights.safetensors"));
        for (String command : List.of("plot", "report")) {
            Cli.Result r = Cli.run(command, out.toString());
            assertThat(r.code()).as(r.all()).isZero();
            assertThat(r.err()).doesNotContain("Exception");
        }
    }

    @Test
    void plotAndReportRefuseAGarbledStatusOrExperimentRecord() throws IOException {
        Path out = damagedSweep();
        Path status = firstTrial(out).resolve("status.json");
        Corruption.garble(status);
        for (String command : List.of("plot", "report")) {
            refusedInOneSentence(Cli.run(command, out.toString()), status + " is not valid JSON");
        }
        Path out2 = damagedSweep();
        Corruption.garble(out2.resolve("sanity/experiment.json"));
        for (String command : List.of("plot", "report")) {
            refusedInOneSentence(Cli.run(command, out2.toString()), out2.resolve("sanity/experiment.json")
                    + " is not valid JSON");
        }
    }

    // ---- train on an existing trial folder

    @Test
    void trainContinuesOrRerunsADamagedTrialFolderToTheSameMetrics() throws IOException {
        List<MetricsRecord> undamaged = metrics(trial);
        Path truncated = copy(trial, "truncated");
        Corruption.setStatusRunning(truncated, 40);
        Corruption.truncateHalf(truncated.resolve("checkpoint/weights.safetensors"));
        Path halfLine = copy(trial, "half-line");
        Corruption.halfLastLine(halfLine.resolve("metrics.jsonl"));
        Path garbled = copy(trial, "garbled");
        Corruption.garble(garbled.resolve("status.json"));
        for (Path t : List.of(truncated, halfLine, garbled)) {
            Cli.Result r = Cli.run(train(t));
            assertThat(r.code()).as(t + ": " + r.all()).isZero();
            assertThat(r.err()).doesNotContain("Exception");
            assertThat(metrics(t)).as(t.toString()).isEqualTo(undamaged);
            assertThat(new TrialDirectory(t).readStatus().orElseThrow().status().name()).isEqualTo("DONE");
        }
    }

    @Test
    void trainRefusesAFolderWithAGarbledConfig() throws IOException {
        Path t = copy(trial, "config");
        Corruption.garble(t.resolve("config.json"));
        refusedInOneSentence(Cli.run(train(t)), t.resolve("config.json") + " is not valid JSON");
    }

    private Cli.Result resumesToTheUndamagedSummary(Path out) throws IOException {
        Cli.Result r = Cli.run("resume", out.toString());
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).doesNotContain("Exception");
        ResultsTree got = new ResultsTree(out);
        ResultsTree want = new ResultsTree(sweep);
        assertThat(got.summaries()).isEqualTo(want.summaries());
        assertThat(got.metrics()).isEqualTo(want.metrics());
        assertThat(got.statuses()).isEqualTo(want.statuses());
        return r;
    }

    private static void refusedInOneSentence(Cli.Result r, String sentenceStart) {
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + sentenceStart).doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    private Path damagedSweep() throws IOException {
        return copy(sweep, "sweep");
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = Files.createTempDirectory(tmp, name).resolve(name);
        Corruption.copy(from, to);
        return to;
    }

    private static Path firstTrial(Path out) throws IOException {
        return trials(out).get(0);
    }

    private static List<Path> trials(Path out) throws IOException {
        return new ResultsTree(out).trials().values().stream().toList();
    }

    private static List<MetricsRecord> metrics(Path t) {
        return ResultsTree.withoutTimes(new TrialDirectory(t).readMetrics());
    }

    private static String[] train(Path out) {
        String[] args = java.util.Arrays.copyOf(TRAIN, TRAIN.length + 1);
        args[TRAIN.length] = "--out=" + out;
        return args;
    }

}
