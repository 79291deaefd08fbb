package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialStatus;

/** {@code polygrok run} and {@code resume} end to end on DJL with tiny sweeps; trials run in their own processes. */
class RunCommandTest {
    @TempDir
    Path tmp;

    private static List<Path> trials(Path experimentDir) throws Exception {
        try (Stream<Path> s = Files.list(experimentDir.resolve("trials"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void aTinySweepWritesItsSummariesAndNeverRunsATrialTwice() throws Exception {
        Path out = tmp.resolve("out");
        CliResult r = CliResult.run(TinySweeps.run("sanity", out, 30, "--parallel=2"));
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        Path sanity = out.resolve("sanity");
        assertThat(r.out()).contains("sanity (Q1, full scale): 4 trials, 4 to run", "|  | LSTM | GPT |", "| L_train | ",
                "| Δt(A) | ", "done: 4 trials in " + out);
        assertThat(sanity.resolve("summary.json")).exists();
        assertThat(sanity.resolve("summary.csv")).exists();
        assertThat(Files.readString(sanity.resolve("summary.md"))).contains("# sanity (Q1), full scale",
                "Changed by --set for every trial: dim = 16, eval_first = 2, eval_period = 10, layers = 1, p = 7, steps = 30",
                "## Backends and the reference against seed variation", "| djl − reference rerun |");
        List<Path> trials = trials(sanity);
        assertThat(trials).extracting(p -> p.getFileName().toString()).hasSize(4)
                .allMatch(n -> n.matches("(lstm|gpt)-djl-s(0|42)-[0-9a-f]{12}"));
        for (Path t : trials) {
            assertThat(new TrialDirectory(t).readStatus()).contains(TrialStatus.done(30));
            assertThat(Json.read(t.resolve("config.json"), Map.class)).containsEntry("experiment", "sanity")
                    .containsEntry("setting", Map.of()).containsEntry("threads", 1).containsEntry("p", 7);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = Json.read(sanity.resolve("experiment.json"), Map.class);
        assertThat(record).containsEntry("experiment", "sanity").containsEntry("question", "Q1")
                .containsEntry("scale", "full").containsEntry("sweep", List.of()).containsEntry("backends", List.of("djl"))
                .containsEntry("models", List.of("lstm", "gpt")).containsEntry("seeds", List.of(0, 42));
        String summary = Files.readString(sanity.resolve("summary.json"));
        String metrics = Files.readString(trials.get(0).resolve("metrics.jsonl"));

        CliResult again = CliResult.run(TinySweeps.run("sanity", out, 30));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("4 trials, 0 to run (0 steps), 4 done");
        CliResult resumed = CliResult.run("resume", out.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("4 trials, 0 to run (0 steps), 4 done");
        assertThat(Files.readString(sanity.resolve("summary.json"))).isEqualTo(summary);
        assertThat(Files.readString(trials.get(0).resolve("metrics.jsonl"))).isEqualTo(metrics);
        CliResult sameBackend = CliResult.run("resume", out.toString(), "--backend=djl");
        assertThat(sameBackend.code()).as(sameBackend.err()).isZero();
        assertThat(sameBackend.out()).contains("4 trials, 0 to run (0 steps), 4 done");
        CliResult otherBackend = CliResult.run("resume", out.toString(), "--backend=tf");
        assertThat(otherBackend.code()).isEqualTo(2);
        assertThat(otherBackend.err()).contains("runs on djl, not on tf");

        CliResult other = CliResult.run(TinySweeps.run("sanity", out, 31));
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("holds a sweep with other settings (--set");
    }

    @Test
    void aFailedTrialDoesNotStopTheSweepAndIsRerunOnlyWhenAsked() throws Exception {
        Path out = tmp.resolve("nan");
        String[] nan = TinySweeps.run("sanity", out, 20, "--seeds=42", "--set=gpt.lr=1e38", "--set=gpt.weight_decay=0");
        CliResult r = CliResult.run(nan);
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.err()).contains("error: 1 of 2 trials did not finish");
        Path sanity = out.resolve("sanity");
        Path gpt = trials(sanity).stream().filter(p -> p.getFileName().toString().startsWith("gpt")).findFirst()
                .orElseThrow();
        Path lstm = trials(sanity).stream().filter(p -> p.getFileName().toString().startsWith("lstm")).findFirst()
                .orElseThrow();
        assertThat(new TrialDirectory(lstm).readStatus()).contains(TrialStatus.done(20));
        assertThat(new TrialDirectory(gpt).readStatus().orElseThrow().status()).isEqualTo(TrialStatus.State.FAILED);
        List<Map<String, Object>> rows = Json.mapper().readValue(sanity.resolve("summary.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        assertThat(rows.get(0)).containsEntry("model", "lstm").containsEntry("failed", List.of());
        assertThat(rows.get(1)).containsEntry("model", "gpt").containsEntry("seeds", List.of())
                .containsEntry("metrics", Map.of());
        assertThat((List<?>) rows.get(1).get("failed")).singleElement().asString()
                .contains("seed 42 (" + gpt.getFileName() + "): FAILED at step 1: the evaluated loss is not finite");
        assertThat(Files.readString(sanity.resolve("summary.md"))).contains("## Failed or unfinished trials",
                "| A_val | ", " | – |");
        Path log = sanity.resolve("logs").resolve(gpt.getFileName() + ".log");
        assertThat(Files.readString(log).lines().filter(l -> l.startsWith("# "))).hasSize(1);

        CliResult kept = CliResult.run(nan);
        assertThat(kept.code()).isEqualTo(1);
        assertThat(kept.out()).contains("2 trials, 0 to run (0 steps), 1 done, 1 failed and not retried");
        assertThat(Files.readString(log).lines().filter(l -> l.startsWith("# "))).hasSize(1);

        CliResult retried = CliResult.run("resume", sanity.toString(), "--retry-failed");
        assertThat(retried.code()).isEqualTo(1);
        assertThat(retried.out()).contains("2 trials, 1 to run (20 steps), 1 done, 0 failed and not retried",
                gpt.getFileName() + ": FAILED at step 1");
        assertThat(Files.readString(log).lines().filter(l -> l.startsWith("# "))).hasSize(2);
    }

    @Test
    void attentionReusesTheSanityGptAndWritesItsMaps() throws Exception {
        Path out = tmp.resolve("att");
        CliResult sanity = CliResult.run(TinySweeps.run("sanity", out, 30, "--models=gpt", "--seeds=42"));
        assertThat(sanity.code()).as(sanity.err()).isZero();
        Path gpt = trials(out.resolve("sanity")).get(0);

        CliResult r = CliResult.run(TinySweeps.run("attention", out, 30));
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("attention (Q8, full scale): 1 trials, 0 to run (0 steps), 1 done",
                "attention (djl): " + out.resolve("attention/attention.json"), "this GPT did not generalise");
        assertThat(out.resolve("attention/trials")).doesNotExist();
        @SuppressWarnings("unchecked")
        Map<String, Object> maps = Json.read(out.resolve("attention/attention.json"), Map.class);
        assertThat(maps).containsEntry("model_trial", gpt.getFileName().toString()).containsEntry("backend", "djl")
                .containsEntry("layers", 1).containsEntry("heads", 4);
        List<?> samples = (List<?>) maps.get("samples");
        assertThat(samples).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) samples.get(0);
        assertThat((List<?>) first.get("tokens")).hasSize(6).first().isEqualTo("BOS");
        assertThat((List<?>) first.get("tokens")).element(2).isEqualTo("+");
        double[][][][] a = Json.mapper().convertValue(first.get("attentions"), double[][][][].class);
        assertThat(a.length).isEqualTo(1);
        assertThat(a[0]).hasNumberOfRows(4);
        for (double[][] head : a[0]) {
            assertThat(head).hasNumberOfRows(6);
            for (int q = 0; q < 6; q++) {
                assertThat(java.util.Arrays.stream(head[q]).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
                for (int k = q + 1; k < 6; k++) {
                    assertThat(head[q][k]).isZero(); // causal: no weight on later positions
                }
            }
        }
    }

    @Test
    void aTrialDoneInAnotherExperimentIsCopiedNotTrainedAgain() throws Exception {
        Path out = tmp.resolve("reuse");
        CliResult sanity = CliResult.run(TinySweeps.run("sanity", out, 20, "--scale=quick", "--models=lstm", "--seeds=42"));
        assertThat(sanity.code()).as(sanity.err()).isZero();
        Path original = trials(out.resolve("sanity")).get(0);

        CliResult scaling = CliResult.run(TinySweeps.run("data-scaling", out, 20, "--scale=quick", "--models=lstm",
                "--seeds=42"));
        assertThat(scaling.code()).as(scaling.err()).isZero();
        assertThat(scaling.out()).contains("data-scaling: 1 trials were already DONE in other experiments",
                "4 trials, 3 to run (60 steps), 1 done");
        String hash = original.getFileName().toString().substring(original.getFileName().toString().lastIndexOf('-'));
        Path copy = out.resolve("data-scaling/trials").resolve("lstm-djl-s42-r0.7" + hash); // same hash, own name
        assertThat(Files.readString(copy.resolve("metrics.jsonl"))).isEqualTo(Files.readString(original.resolve("metrics.jsonl")));
        assertThat(Json.read(copy.resolve("config.json"), Map.class)).containsEntry("experiment", "data-scaling")
                .containsEntry("setting", Map.of("r_train", 0.7)).containsEntry("r_train", 0.7);
        assertThat(out.resolve("data-scaling/logs").resolve(copy.getFileName() + ".log")).doesNotExist();
    }

    @Test
    void resumeWithOneBackendFinishesOnlyThatBackendsTrials() throws Exception {
        Path out = tmp.resolve("two");
        List<String> tiny = new java.util.ArrayList<>(List.of(TinySweeps.run("sanity", out, 8, "--models=lstm",
                "--seeds=42")));
        tiny.remove("--backend=djl");
        tiny.add("--backends=djl,tf");
        CliResult first = CliResult.run(tiny.toArray(String[]::new));
        assertThat(first.code()).as(first.err()).isZero();
        Path sanity = out.resolve("sanity");
        Path tfTrial = trials(sanity).stream().filter(t -> t.getFileName().toString().contains("-tf-")).findFirst()
                .orElseThrow();
        try (Stream<Path> files = Files.walk(tfTrial)) { // the tf trial as if it had never started
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }

        CliResult djlOnly = CliResult.run("resume", out.toString(), "--backend=djl");
        assertThat(djlOnly.code()).as(djlOnly.err()).isZero();
        assertThat(djlOnly.out()).contains("1 unfinished trials of other backends are left for a later resume");
        assertThat(tfTrial).doesNotExist();
        CliResult tfOnly = CliResult.run("resume", out.toString(), "--backend=tf");
        assertThat(tfOnly.code()).as(tfOnly.err()).isZero();
        assertThat(new TrialDirectory(tfTrial).readStatus()).contains(TrialStatus.done(8));
    }

    @Test
    void aDryRunPrintsTheProtocolsPlanAndWritesNothing() {
        Path out = tmp.resolve("plan");
        CliResult r = CliResult.run("run", "all", "--backend=djl", "--dry-run", "--no-estimate", "--out=" + out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sanity (Q1, full scale): 4 trials, 40004 steps",
                "data-scaling (Q3, full scale): 32 trials, 320048 steps (4 more trained by an earlier experiment)",
                "lstm {r_train=0.1}", "batch   96,  202 evaluations of 96 + 865 samples",
                "compute (Q6, full scale): 20 trials, 400100 steps",
                "regularization (Q7, full scale): 8 trials, 320008 steps", "502 evaluations",
                "attention (Q8, full scale): 0 trials, 0 steps (1 more trained by an earlier experiment)",
                "in all: 100 trials, 1440200 steps");
        assertThat(out).doesNotExist();
    }

    @Test
    void badRequestsAreRejectedWithExitCodeTwoAndWriteNothing() throws Exception {
        Path out = tmp.resolve("bad");
        CliResult unknown = CliResult.run("run", "nosuch", "--out=" + out);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("error: unknown experiment 'nosuch'; use one of sanity, data-scaling, orders, "
                + "model-size, compute, regularization, attention, all");
        CliResult seed = CliResult.run(TinySweeps.run("sanity", out, 10, "--set=seed=3"));
        assertThat(seed.code()).isEqualTo(2);
        assertThat(seed.err()).contains("--set cannot change 'seed'");
        CliResult swept = CliResult.run(TinySweeps.run("data-scaling", out, 10, "--set=r_train=0.2"));
        assertThat(swept.code()).isEqualTo(2);
        assertThat(swept.err()).contains("--set cannot change 'r_train': this experiment sweeps it");
        CliResult gptOnly = CliResult.run(TinySweeps.run("regularization", out, 10, "--models=gpt"));
        assertThat(gptOnly.code()).isEqualTo(2);
        assertThat(gptOnly.err()).contains("regularization trains the lstm only");
        CliResult badValue = CliResult.run(TinySweeps.run("sanity", out, 10, "--set=heads=5"));
        assertThat(badValue.code()).isEqualTo(2);
        CliResult backends = CliResult.run("run", "sanity", "--backends=djl,nosuch", "--out=" + out);
        assertThat(backends.code()).isEqualTo(2);
        assertThat(backends.err()).contains("unknown backend 'nosuch'");
        CliResult both = CliResult.run(TinySweeps.run("sanity", out, 10, "--backends=djl"));
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give --backend or --backends, not both");
        CliResult scale = CliResult.run(TinySweeps.run("sanity", out, 10, "--scale=huge"));
        assertThat(scale.code()).isEqualTo(2);
        assertThat(out).doesNotExist();
        Files.createDirectories(out);
        CliResult nothing = CliResult.run("resume", out.toString());
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("holds no polygrok sweep");
    }
}
