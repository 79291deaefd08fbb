package org.polygrok.plotting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        String html = SeedComparisonTables.html(tmp);
        assertThat(html).contains("<h3>Backends and the reference against seed variation</h3>", "<h4>GPT</h4>",
                "<th>djl (4 seeds)</th>", "<th>reference Table 1</th>", "<td>5.60e-4 ± 9.11e-5</td>", "<td>8800</td>",
                "<th>tf − djl</th>", "<td class=\"differs\">+0.4, p = 0.0286: <b>beyond</b> (4 seeds)</td>",
                "<th>djl − reference rerun</th>", "<td>+0.498, p = 0.0667: undecided† (5 seeds)</td>", "<td>0.5 ± 7.07e-3</td>");
    }

    @Test
    void nothingWithoutComparisons() throws Exception {
        assertThat(SeedComparisonTables.html(tmp)).isEmpty();
        Files.writeString(tmp.resolve("summary.json"), "[{\"backend\":\"djl\",\"model\":\"gpt\",\"metrics\":{}}]");
        assertThat(SeedComparisonTables.html(tmp)).isEmpty();
    }
}
