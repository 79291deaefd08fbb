package org.polygrok.plotting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is one self-contained page whose figures all load in headless Chromium. */
class HtmlReportTest {

    static Path root;
    static Path report;
    static String html;

    @BeforeAll
    static void writeReport() throws IOException {
        root = RenderedFixture.root();
        report = RenderedFixture.report();
        html = Files.readString(report);
    }

    @Test
    void isOneSelfContainedFile() {
        assertThat(report).isEqualTo(root.resolve("report.html"));
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
                .doesNotContain("<script src");
        List<String> sources = Pattern.compile("<img [^>]*src=\"([^\"]{0,40})").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(sources).hasSize(41).allSatisfy(s -> assertThat(s).startsWith("data:image/png;base64,"));
    }

    @Test
    void hasEverySectionInQuestionOrderWithConfigurationAndBackends() {
        List<String> order = List.of("sanity (Q1)", "data-scaling (Q3)", "orders (Q4)", "model-size (Q5)",
                "compute (Q6)", "regularization (Q7)", "attention (Q8)");
        int last = -1;
        for (String section : order) {
            int at = html.indexOf("<h2>" + section + "</h2>");
            assertThat(at).as(section).isGreaterThan(last);
            last = at;
        }
        assertThat(html).contains("PyTorch 2.7.1 via DJL 0.36.0").contains("TensorFlow 2.18 via TF Java 1.1.0")
                .contains("<th class=\"key\">train_batch_size</th><td>512</td>")
                .contains("<th class=\"key\">invocation</th><td>polygrok run attention --backend djl,tf</td>");
    }

    @Test
    void sanityTablesSitSideBySideWithMetricsAsRowsAndModelsAsColumns() {
        String sanity = section("sanity");
        assertThat(sanity).contains("<caption>backend djl</caption>").contains("<caption>backend tf</caption>")
                .contains("<th class=\"key\">metric</th><th>LSTM</th><th>GPT</th>");
        // the tf GPT generalises later (fixture), but its summary.json carries no comparisons (2 seeds a side cannot
        // reach p ≤ 0.05, and the fixture is written as results older than the seed statistics): no "≠" mark
        List<String> lVal = cells(sanity, "L_val");
        assertThat(lVal).hasSize(4); // djl LSTM, djl GPT, tf LSTM, tf GPT
        assertThat(lVal).allSatisfy(c -> assertThat(c).doesNotContain("differs"));
        assertThat(sanity).doesNotContain("≠").doesNotContain("Backends against seed variation");
        // best entries bold: in the djl table the lower L_val of the two models
        assertThat(lVal.get(1)).contains("<b>");
        assertThat(lVal.get(0)).doesNotContain("<b>");
    }

    @Test
    void sweepTablesHaveSettingsAsRowsAndListFailedTrials() {
        String ds = section("data-scaling");
        assertThat(ds).contains("<th>r_train</th>").contains("<td>0.3</td>").contains("(1 failed)")
                .contains("failed at step 500: NaN loss at step 501");
        assertThat(section("compute")).contains("<th>α</th>").contains("<th>B</th>");
        assertThat(section("model-size")).contains("<th>L</th><th>d</th><th>P</th>");
        assertThat(section("regularization")).contains("<th>‖θ‖₂</th>");
        assertThat(section("orders")).contains("binary t_f(A_val)").contains("ternary L_train");
    }

    @Test
    void allImagesLoadInHeadlessChromium(@TempDir Path scratch) throws Exception {
        Path chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            fail("Chromium is not installed: this test opens the report in headless Chromium. "
                    + "Install Debian's chromium package (apt-get install -y chromium).");
        }
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path stderr = scratch.resolve("chromium.log");
        Path stdout = scratch.resolve("dom.html");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", report.toUri().toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("headless Chromium did not finish within 5 minutes; its log: " + Files.readString(stderr));
        }
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("id=\"image-check\"[^>]*data-images=\"(\\d+)\" data-loaded=\"(\\d+)\" "
                + "data-broken=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as("the page's image check ran; Chromium log: %s", Files.readString(stderr)).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(41);
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(41);
        assertThat(Integer.parseInt(m.group(3))).isZero();
    }

    @Test
    void aDirectoryWithoutExperimentsIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> HtmlReport.write(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no experiment directories");
    }

    /** The HTML of one experiment's section. */
    private static String section(String dirName) {
        int start = html.indexOf("<section id=\"" + dirName + "\">");
        assertThat(start).as(dirName).isGreaterThanOrEqualTo(0);
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The value cells of a metric's rows, in document order. */
    private static List<String> cells(String section, String metric) {
        return Pattern.compile("<tr><th class=\"key\">" + Pattern.quote(metric) + "</th>(.*?)</tr>").matcher(section)
                .results().flatMap(r -> Pattern.compile("<td.*?</td>").matcher(r.group(1)).results()
                        .map(java.util.regex.MatchResult::group)).toList();
    }
}
