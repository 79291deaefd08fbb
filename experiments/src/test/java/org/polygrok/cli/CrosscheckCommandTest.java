package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.plotting.results.Json;

/** {@code polygrok crosscheck} end to end with tiny settings, and its bad-input exits. */
class CrosscheckCommandTest {
    @TempDir
    Path tmp;

    private static List<String> available() {
        return Backends.providers().stream().filter(BackendProvider::isAvailable).map(BackendProvider::name).toList();
    }

    @Test
    void twoBackendsAgreeAndTheReportIsWritten() throws Exception {
        List<String> names = available();
        Assumptions.assumeTrue(names.size() >= 2, "needs two available backends, found " + names);
        Path out = tmp.resolve("cc");
        String backends = names.get(1) + "," + names.get(0); // the second-ranked one as the reference
        CliResult r = CliResult.run("crosscheck", "--model", "gpt", "--backends", backends, "--steps", "3", "--p", "11",
                "--dim", "16", "--layers", "1", "--heads", "2", "--threads", "1", "--out", out.toString());

        JsonNode json = Json.read(out.resolve("crosscheck.json"), JsonNode.class);
        assertThat(r.code()).as(r.err()).isEqualTo(json.get("agree").asBoolean() ? 0 : Polygrok.FAILED);
        assertThat(json.get("agree").asBoolean()).as(r.out()).isTrue();
        assertThat(json.get("reference_backend").asText()).isEqualTo(names.get(1));
        assertThat(json.get("steps").asInt()).isEqualTo(3);
        assertThat(json.get("tolerances").get("step0_loss_abs").asDouble()).isEqualTo(1e-5);
        assertThat(json.get("tolerances").get("step_loss_abs").asDouble()).isEqualTo(1e-3);
        assertThat(json.get("losses").get(names.get(0)).size()).isEqualTo(3);
        assertThat(json.get("per_step").size()).isEqualTo(3);
        assertThat(json.get("checks").size()).isEqualTo(4);
        assertThat(json.get("config").get("dim").asInt()).isEqualTo(16);
        assertThat(Files.size(out.resolve("crosscheck.png"))).isPositive();
        assertThat(r.out()).contains("verdict: the backends agree").contains("step-0 val loss");
    }

    @Test
    void oneNamedBackendIsComparedWithEveryOtherAvailableOne() throws Exception {
        List<String> names = available();
        Assumptions.assumeTrue(names.size() >= 2, "needs two available backends, found " + names);
        Path out = tmp.resolve("one");
        String reference = names.get(names.size() - 1);
        CliResult r = CliResult.run("crosscheck", "--backend", reference, "--steps", "2", "--p", "7", "--dim", "8",
                "--layers", "1", "--threads", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.read(out.resolve("crosscheck.json"), JsonNode.class);
        assertThat(json.get("reference_backend").asText()).isEqualTo(reference);
        List<String> compared = new java.util.ArrayList<>();
        json.get("losses").fieldNames().forEachRemaining(compared::add);
        assertThat(compared).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void curveModeTrainsEveryBackendInItsOwnProcessFromTheSameWeights() throws Exception {
        List<String> names = available();
        Assumptions.assumeTrue(names.size() >= 2, "needs two available backends, found " + names);
        Path out = tmp.resolve("curves");
        CliResult r = CliResult.run("crosscheck", "--curves", "--model", "gpt", "--backends", names.get(0) + ","
                + names.get(1), "--steps", "12", "--p", "7", "--dim", "16", "--layers", "1", "--heads", "2", "--out",
                out.toString());
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode json = Json.read(out.resolve("curves.json"), JsonNode.class);
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("steps").asInt()).isEqualTo(12);
        assertThat(json.get("backends").size()).isEqualTo(2);
        JsonNode other = json.get("backends").get(1);
        assertThat(other.get("evaluations_compared").asInt()).isEqualTo(14); // steps 0..12 and the final one
        assertThat(other.get("max_abs_d_log_l_val").asDouble()).isLessThan(1e-3);
        try (var trials = Files.list(out.resolve("sanity/trials"))) {
            assertThat(trials.toList()).hasSize(2);
        }
        assertThat(Files.size(out.resolve("curves.png"))).isPositive();
        assertThat(r.out()).contains("verdict: the curves agree");
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws Exception {
        Path out = tmp.resolve("never");
        String first = available().get(0);
        CliResult both = CliResult.run("crosscheck", "--backend", first, "--backends", first, "--out", out.toString());
        assertThat(both.code()).isEqualTo(Polygrok.BAD_INPUT);
        assertThat(both.err()).contains("give --backend or --backends, not both");
        CliResult one = CliResult.run("crosscheck", "--backends", first, "--out", out.toString());
        assertThat(one.code()).isEqualTo(Polygrok.BAD_INPUT);
        assertThat(one.err()).contains("at least two backends");
        assertThat(CliResult.run("crosscheck", "--backends", first + ",nosuch", "--out", out.toString()).code())
                .isEqualTo(Polygrok.BAD_INPUT);
        assertThat(CliResult.run("crosscheck", "--backends", first + "," + first, "--out", out.toString()).err())
                .contains("listed twice");
        assertThat(CliResult.run("crosscheck", "--steps", "0", "--out", out.toString()).code())
                .isEqualTo(Polygrok.BAD_INPUT);
        assertThat(CliResult.run("crosscheck", "--model", "gpt", "--dim", "30", "--out", out.toString()).code())
                .isEqualTo(Polygrok.BAD_INPUT);
        assertThat(CliResult.run("crosscheck", "--loss-tolerance", "0", "--out", out.toString()).err())
                .contains("positive");
        CliResult missing = CliResult.run("crosscheck", "--init-weights", tmp.resolve("no.safetensors").toString(),
                "--out", out.toString());
        assertThat(missing.code()).isEqualTo(Polygrok.BAD_INPUT);
        assertThat(missing.err()).contains("does not exist");
        Files.writeString(tmp.resolve("file"), "x");
        assertThat(CliResult.run("crosscheck", "--out", tmp.resolve("file").toString()).err()).contains("is a file");
        assertThat(out).doesNotExist();
    }
}
