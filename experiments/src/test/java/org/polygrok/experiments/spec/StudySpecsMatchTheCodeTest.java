package org.polygrok.experiments.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.plotting.results.Json;

/**
 * The study's experiments, read from their spec resources, plan the same trials (ids, settings, every
 * setting that decides what a trial computes) and write the same experiment.json at both scales, and, on
 * the same synthetic metrics at the quick scale, the same summary.json, summary.csv and summary.md as the
 * code-fixed plans they replaced (fixtures written from that code), on two backends.
 */
class StudySpecsMatchTheCodeTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void everyExperimentAtEveryScalePlansAndSummarisesAsBefore() throws Exception {
        int compared = 0;
        for (Experiment e : Experiment.values()) {
            for (Scale s : Scale.values()) {
                Map<String, Object> expected;
                try (InputStream in = getClass().getResourceAsStream(PlanSnapshot.fixture(e, s))) {
                    expected = Json.mapper().readValue(in, Map.class);
                }
                if (s == Scale.FULL) {
                    expected.keySet().removeIf(k -> k.startsWith("summary"));
                }
                Map<?, ?> now = Json.mapper().readValue(Json.mapper().writeValueAsString(
                        PlanSnapshot.of(e, s, tmp.resolve(e.label() + "-" + s.label()))), Map.class);
                assertThat(now.get("trials")).as(e + " " + s.label() + " trials").isEqualTo(expected.get("trials"));
                assertThat(now).as(e + " " + s.label()).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(14);
    }
}
