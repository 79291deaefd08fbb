package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.awt.Graphics2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.plotting.HtmlReport;
import org.polygrok.plotting.Plotting;
import org.polygrok.plotting.draw.Drawing;
import org.polygrok.plotting.draw.FigureWriter;
import org.polygrok.plotting.results.AttentionMaps;
import org.polygrok.plotting.results.ExperimentFolder;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.ResultsReader;
import org.polygrok.plotting.results.SeedComparison;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * The results contract end to end: a tiny real sweep (DJL, sanity's GPT and Q8's attention maps) written by
 * the experiments, read back by plotting's reader, its figures and report drawn; every JSON key the sweep
 * wrote, and every field of the contract's records, is documented in docs/RESULTS.md.
 */
class ResultsContractTest {
    private static final Path RESULTS_MD = Path.of("..", "docs", "RESULTS.md");

    @TempDir
    Path tmp;

    @Test
    void aRealSweepReadsBackDrawsAndIsDocumented() throws Exception {
        Path out = tmp.resolve("out");
        CliResult sanity = CliResult.run(TinySweeps.run("sanity", out, 20, "--models=gpt", "--seeds=42"));
        assertThat(sanity.code()).as(sanity.err()).isZero();
        CliResult attention = CliResult.run(TinySweeps.run("attention", out, 20));
        assertThat(attention.code()).as(attention.err()).isZero();

        ExperimentFolder s = ResultsReader.read(out.resolve("sanity"));
        assertThat(s.spec().displayName()).isEqualTo("sanity (Q1)");
        assertThat(s.trials()).singleElement().satisfies(t -> {
            assertThat(t.status().isDone()).isTrue();
            assertThat(t.config().backend()).isEqualTo("djl");
            assertThat(t.metrics().size()).isPositive();
            assertThat(t.metrics().last("val_accuracy")).isBetween(0.0, 1.0);
        });
        assertThat(s.summary()).singleElement().satisfies(r -> {
            assertThat(r.seeds()).containsExactly(42L);
            assertThat(r.metric("A_val").known()).isTrue();
        });
        ExperimentFolder a = ResultsReader.read(out.resolve("attention"));
        assertThat(a.attention()).singleElement().satisfies(m -> assertThat(m.backend()).isEqualTo("djl"));
        assertThat(Plotting.plotExperiment(out.resolve("sanity"))).isNotEmpty().allSatisfy(f -> assertThat(f).isNotEmptyFile());
        Path report = HtmlReport.write(out);
        assertThat(Files.readString(report)).contains("sanity (Q1)", "attention (Q8)");

        String doc = Files.readString(RESULTS_MD);
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".jsonl")) {
                    for (String line : Files.readAllLines(f)) {
                        collect(Json.mapper().readTree(line), keys);
                    }
                } else if (name.endsWith(".json") && !f.toString().contains("checkpoint")) {
                    collect(Json.mapper().readTree(f.toFile()), keys);
                }
            }
        }
        for (Class<?> record : List.of(ExperimentRecord.class, ExperimentRecord.Invocation.class, TrialConfig.class,
                TrialStatus.class, MetricsRecord.class, SummaryRow.class, MeanStd.class, SeedComparison.class,
                AttentionMaps.class, AttentionMaps.Sample.class)) {
            for (var c : record.getRecordComponents()) {
                keys.add(((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(c.getName()));
            }
        }
        keys.addAll(SummaryMetrics.METRICS);
        keys.add(SummaryMetrics.PARAM_NORM);
        List<String> undocumented = keys.stream().filter(k -> !doc.contains("\"" + k + "\"") && !doc.contains("`" + k + "`"))
                .toList();
        assertThat(undocumented).as("keys written but not in docs/RESULTS.md").isEmpty();
    }

    @Test
    void aFigureThatCannotBeDrawnFailsNamingItsFile() {
        Drawing broken = new Drawing() {
            public int width() {
                return 10;
            }

            public int height() {
                return 10;
            }

            public void paint(Graphics2D g) {
                throw new IllegalArgumentException("no data");
            }
        };
        assertThatThrownBy(() -> FigureWriter.write(broken, tmp, "broken"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(tmp.resolve("broken.png").toString()).hasMessageContaining("no data");
    }

    /** Every object key under {@code node}, at any depth (the keys of settings and maps included). */
    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                keys.add(k);
                collect(node.get(k), keys);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, keys));
        }
    }

}
