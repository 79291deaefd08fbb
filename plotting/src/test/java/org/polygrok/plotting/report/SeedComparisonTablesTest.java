package org.polygrok.plotting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SeedComparison;
import org.polygrok.plotting.results.SummaryRow;

/** The report's seed-variation tables, from a summary.json as {@code polygrok run} writes it (docs/RESULTS.md). */
class SeedComparisonTablesTest {
    @TempDir
    Path tmp;

    private static final String ROWS = """
            [{"backend":"djl","model":"gpt","setting":{},"alpha":null,"seeds":[0,1,2,3],
              "metrics":{"L_val":{"mean":0.5,"std":0.01}},
              "per_seed":{"L_val":[0.49,0.5,0.5,0.51],"A_val":[1,1,1,1]},
              "comparisons":[{"metric":"L_val","against":"reference rerun","seeds":4,"other_seeds":2,"mean":0.5,
                "other_mean":0.0023,"gap":0.4977,"p_value":0.0667,"verdict":"undecided","decidable":false,"seeds_needed":5}],
              "reference":{"reference rerun":{"L_val":{"mean":0.0023,"std":0.0019}},
                           "reference Table 1":{"L_val":{"mean":5.6e-4,"std":9.11e-5},"t_f_A_val":{"mean":8800,"std":null}}}},
             {"backend":"tf","model":"gpt","setting":{},"alpha":null,"seeds":[0,1,2,3],
              "metrics":{"L_val":{"mean":0.9,"std":0.01}},
              "per_seed":{"L_val":[0.89,0.9,0.9,0.91]},
              "comparisons":[{"metric":"L_val","against":"djl","seeds":4,"other_seeds":4,"mean":0.9,"other_mean":0.5,
                "gap":0.4,"p_value":0.0286,"verdict":"beyond","decidable":true,"seeds_needed":4}]}]
            """;

    @Test
    void showsEachBackendBesideTheOthersAndTheReferenceMarkedWithinOrBeyond() throws Exception {
        Files.writeString(tmp.resolve("summary.json"), ROWS);
        String html = SeedComparisonTables.html(SummaryRow.readAll(tmp));
        assertThat(html).contains("<h3>Backends and the reference against seed variation</h3>", "<h4>GPT</h4>",
                "<th>djl (4 seeds)</th>", "<th>reference Table 1</th>", "<td>5.60e-4 ± 9.11e-5</td>", "<td>8800</td>",
                "<th>tf − djl</th>", "<td class=\"differs\">+0.4, p = 0.0286: <b>beyond</b> (4 seeds)</td>",
                "<th>djl − reference rerun</th>", "<td>+0.498, p = 0.0667: undecided† (5 seeds)</td>", "<td>0.5 ± 7.07e-3</td>");
    }

    @Test
    void nothingWithoutComparisons() throws Exception {
        assertThat(SeedComparisonTables.html(List.of())).isEmpty();
        Files.writeString(tmp.resolve("summary.json"), "[{\"backend\":\"djl\",\"model\":\"gpt\",\"metrics\":{}}]");
        assertThat(SeedComparisonTables.html(SummaryRow.readAll(tmp))).isEmpty();
    }

    /** The seed statistics read into the records and write back as they were; files without them still read. */
    @Test
    void theRecordsReadAndWriteTheSeedStatistics() throws Exception {
        Files.writeString(tmp.resolve("summary.json"), ROWS);
        List<SummaryRow> rows = SummaryRow.readAll(tmp);
        SummaryRow djl = rows.get(0);
        assertThat(djl.perSeed().get("L_val")).containsExactly(0.49, 0.5, 0.5, 0.51);
        assertThat(djl.comparison("L_val", "reference rerun")).hasValueSatisfying(c -> {
            assertThat(c.verdict()).isEqualTo(SeedComparison.Verdict.UNDECIDED);
            assertThat(c.decidable()).isFalse();
            assertThat(c.seedsNeeded()).isEqualTo(5);
        });
        assertThat(djl.reference().get("reference Table 1").get("t_f_A_val").std()).isNaN(); // "std": null
        assertThat(rows.get(1).comparison("L_val", "djl").orElseThrow().beyond()).isTrue();
        assertThat(rows.get(1).reference()).isEmpty();

        Path again = Files.createDirectories(tmp.resolve("again"));
        SummaryRow.writeAll(again, rows);
        assertThat(SummaryRow.readAll(again)).isEqualTo(rows);
        assertThat(Json.mapper().readTree(again.resolve("summary.json").toFile()).get(0).at("/reference/reference Table 1"
                + "/t_f_A_val/std").isNull()).isTrue();

        Files.writeString(tmp.resolve("summary.json"), "[{\"backend\":\"djl\",\"model\":\"gpt\",\"seeds\":[0],"
                + "\"metrics\":{\"L_val\":{\"mean\":0.5,\"std\":0},\"A_val\":null}}]");
        SummaryRow old = SummaryRow.readAll(tmp).get(0);
        assertThat(old.perSeed()).isEmpty();
        assertThat(old.comparisons()).isEmpty();
        assertThat(old.reference()).isEmpty();
        assertThat(old.metric("L_val")).isEqualTo(new MeanStd(0.5, 0));
        assertThat(old.metric("A_val").known()).isFalse();
        SummaryRow.writeAll(again, List.of(old));
        assertThat(Files.readString(again.resolve("summary.json"))).doesNotContain("per_seed", "comparisons", "reference");
    }
}
