package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.spec.SpecReader;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialStatus;

/** {@code polygrok sweep SPEC} end to end: two backends as an axis, resume from the recorded spec, figures, report, bad specs. */
class SweepCommandTest {
    @TempDir
    Path tmp;

    /** The example, tiny: 2 lr x 1 weight decay, the GPT, seeds 0 and 42, on DJL and TF. */
    private static final String SPEC = """
            name: lr-vs-backend
            base: {p: 7, dim: 16, layers: 1, steps: 6, eval_first: 2, eval_period: 10, r_train: 0.5}
            grid: {lr: [0.001, 0.004], weight_decay: [1.0]}
            models: [gpt]
            seeds: [0, 42]
            backends: [djl, tf]
            """;

    private Path spec(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aSpecRunsOnTwoBackendsResumesAndSummarisesOneRowPerPointModelAndBackend() throws Exception {
        Path out = tmp.resolve("out");
        Path file = spec("lr.yaml", SPEC);
        CliResult r = CliResult.run("sweep", file.toString(), "--out=" + out, "--parallel=2");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("lr-vs-backend (spec, full scale): 8 trials, 8 to run");
        Path dir = out.resolve("lr-vs-backend");
        List<Map<String, Object>> rows = rows(dir);
        assertThat(rows).hasSize(4).extracting(x -> x.get("backend") + " " + x.get("model") + " " + x.get("setting"))
                .containsExactly("djl gpt {lr=0.001, weight_decay=1.0}", "djl gpt {lr=0.004, weight_decay=1.0}",
                        "tf gpt {lr=0.001, weight_decay=1.0}", "tf gpt {lr=0.004, weight_decay=1.0}");
        assertThat(rows).allSatisfy(x -> assertThat(x.get("seeds")).isEqualTo(List.of(0, 42)));
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("# lr-vs-backend (spec), full scale",
                "## Backends side by side", "| lr | weight_decay |");
        try (Stream<Path> figures = Files.list(dir.resolve("figures"))) {
            assertThat(figures.map(p -> p.getFileName().toString())).contains("curves-gpt-djl-lr0.001.png",
                    "curves-by-lr-gpt-tf-weight-decay1.0.png", "metrics-gpt-tf.png", "metrics-vs-lr-gpt-djl.png");
        }
        assertThat(Json.read(dir.resolve("experiment.json"), Map.class)).containsKey("spec");

        // an interrupted trial: gone as if never started; resume reads the spec from experiment.json
        Files.delete(file);
        Path trial = trials(dir).get(3);
        deleteTree(trial);
        CliResult resumed = CliResult.run("resume", dir.toString());
        assertThat(resumed.code()).as(resumed.err() + resumed.out()).isZero();
        assertThat(resumed.out()).contains("8 trials, 1 to run");
        assertThat(new TrialDirectory(trial).readStatus()).contains(TrialStatus.done(6));
        assertThat(rows(dir)).hasSize(4).allSatisfy(x -> assertThat(x.get("seeds")).isEqualTo(List.of(0, 42)));

        CliResult report = CliResult.run("report", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("lr-vs-backend");

        CliResult edited = CliResult.run("sweep", spec("lr2.yaml", SPEC.replace("0.004", "0.005")).toString(),
                "--out=" + out);
        assertThat(edited.code()).isEqualTo(2);
        assertThat(edited.err()).contains("holds a sweep with other settings (spec changed)");
    }

    @Test
    void aPrintedStudySpecPlansAsRunDoesAndSetWorksOnTop() throws Exception {
        CliResult printed = CliResult.run("sweep", "--print", "data-scaling");
        assertThat(printed.code()).isZero();
        assertThat(printed.out()).isEqualTo(SpecReader.resourceText("data-scaling")).contains("name: data-scaling");
        Path file = spec("ds.yaml", printed.out());
        Path out = tmp.resolve("plan");
        CliResult fromSpec = CliResult.run("sweep", file.toString(), "--backend=djl", "--scale=quick", "--dry-run",
                "--no-estimate", "--set=steps=200", "--out=" + out);
        CliResult fromRun = CliResult.run("run", "data-scaling", "--backend=djl", "--scale=quick", "--dry-run",
                "--no-estimate", "--set=steps=200", "--out=" + out);
        assertThat(fromSpec.code()).as(fromSpec.err()).isZero();
        assertThat(fromSpec.out()).isEqualTo(fromRun.out()).contains("data-scaling (Q3, quick scale): 8 trials, 1600 steps");
        assertThat(out).doesNotExist();
        CliResult unknown = CliResult.run("sweep", "--print", "nosuch");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no spec named 'nosuch'");
    }

    @Test
    void aBadSpecIsOneSentenceAndExitTwoBeforeAnythingIsWritten() throws Exception {
        Path out = tmp.resolve("bad");
        Map<String, String> bad = Map.of(
                "unknown key 'seed'", SPEC.replace("seeds:", "seed:"),
                "grid is empty", SPEC.replace("grid: {lr: [0.001, 0.004], weight_decay: [1.0]}", "grid: {}"),
                "does not fit a trial", SPEC.replace("steps: 6", "steps: six"),
                "unknown backend 'cuda'", SPEC.replace("[djl, tf]", "[djl, cuda]"));
        for (Map.Entry<String, String> b : bad.entrySet()) {
            CliResult r = CliResult.run("sweep", spec("bad.yaml", b.getValue()).toString(), "--out=" + out);
            assertThat(r.code()).as(b.getKey()).isEqualTo(2);
            assertThat(r.err()).startsWith("error: " + tmp.resolve("bad.yaml") + ": ").contains(b.getKey());
            assertThat(r.err().lines().count()).isEqualTo(1);
        }
        CliResult missing = CliResult.run("sweep", tmp.resolve("nowhere.yaml").toString(), "--out=" + out);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the spec");
        assertThat(out).doesNotExist();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Path dir) {
        return Json.read(dir.resolve("summary.json"), List.class);
    }

    private static List<Path> trials(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("trials"))) {
            return s.sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
