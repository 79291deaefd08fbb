package org.polygrok.experiments.sweep.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.stats.SeedGroup;
import org.polygrok.experiments.stats.SeedStatistics;
import org.polygrok.plotting.report.ExperimentSection;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.ResultsReader;
import org.polygrok.plotting.results.SeedComparison;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/**
 * One rule for "this backend differs from another beyond seed variation": the report's "≠" mark is the
 * permutation test's verdict, written into summary.json by the experiments and read back by the report — not
 * the old rule |mean_a − mean_b| > max(std_a, std_b), which marked gaps that the test cannot tell from seed noise.
 */
class SeedVariationMarkTest {
    @TempDir
    Path tmp;

    @Test
    void twoSeedsASideApartByMoreThanTheirStdAreNotMarked() throws Exception {
        double[] djl = {1.00, 1.10};
        double[] tf = {1.50, 1.60};
        assertThat(oldRuleMarks(djl, tf)).isTrue();
        List<SummaryRow> rows = writtenAndReadBack("two", djl, tf);
        assertThat(lValAgainstTheOther(rows, "djl").verdict()).isEqualTo(SeedComparison.Verdict.UNDECIDED);

        String html = section("two");
        assertThat(lValCells(html)).hasSize(2).allSatisfy(c -> assertThat(c).doesNotContain("differs", "≠"));
        assertThat(summaryTables(html)).doesNotContain("≠", "undecided");
        assertThat(html).contains("p = 0.333: undecided†"); // the seed-variation table says why
    }

    @Test
    void fourSeedsASideThatOverlapAreWithinSeedVariationThoughTheOldRuleMarkedThem() throws Exception {
        double[] djl = {0.0, 1.0, 2.0, 3.0};
        double[] tf = {1.2, 2.2, 3.2, 4.2};
        assertThat(oldRuleMarks(djl, tf)).isTrue();
        List<SummaryRow> rows = writtenAndReadBack("overlap", djl, tf);
        assertThat(lValAgainstTheOther(rows, "tf").verdict()).isEqualTo(SeedComparison.Verdict.WITHIN);
        assertThat(lValCells(section("overlap"))).allSatisfy(c -> assertThat(c).doesNotContain("differs", "≠"));
    }

    @Test
    void fourSeedsASideClearlyApartAreMarkedOnBothBackends() throws Exception {
        double[] djl = {1.00, 1.01, 1.02, 1.03};
        double[] tf = {1.50, 1.51, 1.52, 1.53};
        List<SummaryRow> rows = writtenAndReadBack("apart", djl, tf);
        SeedComparison tfAgainstDjl = lValAgainstTheOther(rows, "tf");
        assertThat(tfAgainstDjl.beyond()).isTrue();
        assertThat(tfAgainstDjl.pValue()).isEqualTo(2.0 / 70);

        String html = section("apart");
        List<String> cells = lValCells(html);
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0)).contains("class=\"differs\"", "≠", "title=\"tf: 1.5150 (gap -0.5, p = 0.0286)\"");
        assertThat(cells.get(1)).contains("class=\"differs\"", "≠", "title=\"djl: 1.0150 (gap +0.5, p = 0.0286)\"");
        assertThat(summaryTables(html)).contains("differs from another backend beyond seed variation")
                .doesNotContain("undecided");
        assertThat(html).contains("<td class=\"differs\">+0.5, p = 0.0286: <b>beyond</b>");
    }

    /** The rule the report used before: the gap of the means beyond the larger seed std. */
    private static boolean oldRuleMarks(double[] a, double[] b) {
        MeanStd x = MeanStd.of(a);
        MeanStd y = MeanStd.of(b);
        return Math.abs(x.mean() - y.mean()) > Math.max(x.std(), y.std());
    }

    /**
     * A sanity experiment of GPT on djl and tf whose L_val per seed is given (the other metrics equal on both),
     * compared and annotated as {@link SummaryFiles} does, written as summary.json and read back by plotting.
     */
    private List<SummaryRow> writtenAndReadBack(String name, double[] djl, double[] tf) {
        List<SeedGroup> groups = List.of(group("djl", djl), group("tf", tf));
        List<SummaryRow> rows = new ArrayList<>();
        for (SeedGroup g : groups) {
            Map<String, MeanStd> metrics = new LinkedHashMap<>();
            g.values().forEach((k, v) -> metrics.put(k, MeanStd.of(v)));
            rows.add(new SummaryRow(g.backend(), g.model(), g.setting(), null, g.seeds(), null, List.of(), metrics));
        }
        Path dir = tmp.resolve(name);
        new ExperimentRecord("sanity", "Q1", "quick", List.of(), List.of("djl", "tf"), List.of("gpt"),
                groups.get(0).seeds(), "", null, null, null, null).write(dir);
        SummaryRow.writeAll(dir, SeedGroups.annotate(rows, SeedStatistics.of(groups, false)));
        return SummaryRow.readAll(dir);
    }

    private static SeedGroup group(String backend, double[] lVal) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String m : SummaryMetrics.METRICS) {
            values.put(m, m.equals("L_val") ? lVal : new double[lVal.length]);
        }
        return new SeedGroup(backend, "gpt", Map.of(), null, LongStream.range(0, lVal.length).boxed().toList(), values);
    }

    private static SeedComparison lValAgainstTheOther(List<SummaryRow> rows, String backend) {
        SummaryRow row = rows.stream().filter(r -> r.backend().equals(backend)).findFirst().orElseThrow();
        return row.comparisons().stream().filter(c -> c.metric().equals("L_val")).findFirst().orElseThrow();
    }

    private String section(String name) throws Exception {
        assertThat(Files.isRegularFile(tmp.resolve(name).resolve(SummaryRow.FILE))).isTrue();
        return ExperimentSection.html(ResultsReader.read(tmp.resolve(name)), List.of());
    }

    /** The summary tables only (the seed-variation tables after them list every pair's verdict). */
    private static String summaryTables(String html) {
        int from = html.indexOf("<h3>Summary");
        return html.substring(from, html.indexOf("<h3>", from + 1));
    }

    /** The L_val cell of each backend's summary table, djl's first. */
    private static List<String> lValCells(String html) {
        return Pattern.compile("<tr><th class=\"key\">L_val</th>(<td[^>]*>.*?</td>)</tr>").matcher(summaryTables(html))
                .results().map(m -> m.group(1)).toList();
    }
}
