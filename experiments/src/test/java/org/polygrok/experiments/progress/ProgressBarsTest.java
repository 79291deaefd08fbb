package org.polygrok.experiments.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

class ProgressBarsTest {
    private static final TrialConfig CONFIG = TrialSpecs.defaults(ModelKind.LSTM);

    @Test
    void aSweepPrintsItsExperimentAndEveryTrialThatDidNotFinish() {
        StringWriter text = new StringWriter();
        try (ProgressListener bars = new ProgressBars(new PrintWriter(text))) {
            bars.experimentStarted(new ExperimentStart("sanity", "Q1", "quick", 2, Map.of("a", 20L, "b", 20L), 0, 0));
            bars.trialStarted("a", CONFIG, 0, 20);
            bars.stepped("a", 5, 2.0);
            bars.trialEnded("a", TrialStatus.done(20));
            bars.trialStarted("b", CONFIG, 10, 20);
            bars.trialEnded("b", TrialStatus.failed(12, "the training loss became NaN at step 12"));
            bars.experimentEnded();
            bars.message("summary: sanity/summary.md");
        }
        assertThat(text.toString().lines()).containsExactly(
                "sanity (Q1, quick scale): 2 trials, 2 to run (40 steps), 0 done, 0 failed and not retried",
                "b: FAILED at step 12 (the training loss became NaN at step 12)", "summary: sanity/summary.md");
    }

    @Test
    void aLoneTrialClosesItsBarWhenItEnds() {
        StringWriter text = new StringWriter();
        try (ProgressListener bars = new ProgressBars(new PrintWriter(text))) {
            bars.trialStarted("trial", CONFIG, 0, 20);
            bars.stepped("trial", 20, 1.0);
            bars.trialEnded("trial", TrialStatus.done(20));
        }
        assertThat(text.toString()).isEmpty();
    }
}
