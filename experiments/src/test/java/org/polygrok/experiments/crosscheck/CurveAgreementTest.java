package org.polygrok.experiments.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.plotting.results.MetricsRecord;

/** Curve mode's arithmetic and rule on hand-made curves (no engine involved). */
class CurveAgreementTest {
    @TempDir
    Path tmp;

    private static MetricsRecord eval(long step, double aTrain, double aVal, double lVal) {
        return new MetricsRecord(step, 0, 1.0, aTrain, lVal, aVal, 1.0, 10, 0.0, null, null, null, null, null, null,
                null, null);
    }

    /** Validation accuracy jumps to 1 at {@code grok}; validation loss falls from 1 to 0.01 there. */
    private static List<MetricsRecord> curve(long grok, double wobble) {
        List<MetricsRecord> c = new ArrayList<>();
        for (long s = 0; s <= 1000; s += 100) {
            c.add(eval(s, s >= 100 ? 1.0 : 0.5, s >= grok ? 1.0 : 0.1 + wobble, s >= grok ? 0.01 : 1.0 + wobble));
        }
        return c;
    }

    @Test
    void meansAndMaximaOverTheSharedEvaluationsAndTheGrokkingGap() {
        Map<String, List<MetricsRecord>> curves = new LinkedHashMap<>();
        curves.put("djl", curve(600, 0));
        curves.put("tf", curve(600, 0.01));
        curves.put("nd4j", curve(800, 0));
        CurveAgreement a = CurveAgreement.of(curves, CurveTolerances.defaults(), 1000);

        CurveAgreement.Row tf = a.rows().get(1);
        assertThat(tf.evaluations()).isEqualTo(11);
        assertThat(tf.meanATrain()).isZero();
        assertThat(tf.maxAVal()).isCloseTo(0.01, within(1e-12));
        assertThat(tf.meanAVal()).isCloseTo(0.01 * 6 / 11, within(1e-12));
        assertThat(tf.maxLogLVal()).isCloseTo(Math.log(1.01), within(1e-12));
        assertThat(tf.grokkingGap()).isZero();
        assertThat(tf.passed()).isTrue();

        CurveAgreement.Row nd4j = a.rows().get(2);
        assertThat(nd4j.extrema().tfAVal()).isEqualTo(800);
        assertThat(nd4j.grokkingGap()).isEqualTo(200); // > 0.1 x 1000 steps
        assertThat(nd4j.meanAVal()).isCloseTo(0.9 * 2 / 11, within(1e-12));
        assertThat(nd4j.maxLogLVal()).isCloseTo(Math.log(100), within(1e-9));
        assertThat(nd4j.passed()).isFalse();
        assertThat(a.passed()).isFalse();
        assertThat(CurveReport.summary(a)).contains("DIFFER").contains("nd4j");
    }

    @Test
    void writesTheJsonAndTheFigure() throws Exception {
        Map<String, List<MetricsRecord>> curves = new LinkedHashMap<>();
        curves.put("djl", curve(600, 0));
        curves.put("tf", curve(600, 0.001));
        CurveAgreement a = CurveAgreement.of(curves, CurveTolerances.defaults(), 1000);
        CurveReport.write(tmp.resolve("curves.json"), "gpt", Map.of("djl", "a", "tf", "b"), a);
        CurvePlot.write(a, "gpt", tmp, "curves");
        assertThat(Files.readString(tmp.resolve("curves.json"))).contains("\"passed\" : true")
                .contains("\"mean_abs_d_log_l_val\"");
        assertThat(Files.readAllBytes(tmp.resolve("curves.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(CurveReport.summary(a)).contains("the curves agree");
    }

    @Test
    void needsTwoBackendsWithEvaluations() {
        assertThatThrownBy(() -> CurveAgreement.of(Map.of("djl", curve(600, 0)), CurveTolerances.defaults(), 1000))
                .hasMessageContaining("at least two backends");
        Map<String, List<MetricsRecord>> empty = new LinkedHashMap<>();
        empty.put("djl", curve(600, 0));
        empty.put("tf", List.of());
        assertThatThrownBy(() -> CurveAgreement.of(empty, CurveTolerances.defaults(), 1000))
                .hasMessageContaining("tf logged no evaluation");
        assertThatThrownBy(() -> new CurveTolerances(0.05, 0, 0.1)).hasMessageContaining("positive");
    }
}
