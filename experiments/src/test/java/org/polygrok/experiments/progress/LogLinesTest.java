package org.polygrok.experiments.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

class LogLinesTest {
    private static final TrialConfig CONFIG = TrialSpecs.defaults(ModelKind.GPT).with(Map.of("eval_period", 10));
    private static final ExperimentStart SANITY = new ExperimentStart("sanity", "Q1", "quick", 3,
            Map.of("gpt-djl-s0", 200L, "lstm-djl-s0", 200L), 1, 0);

    @Test
    void aLoneTrialAndATrialOfASweepLogTheSameLines() {
        List<String> lone = lines(false, p -> oneTrial(p, "trial"));
        List<String> inSweep = lines(false, p -> {
            p.experimentStarted(SANITY);
            oneTrial(p, "gpt-djl-s0");
            p.experimentEnded();
        });

        assertThat(lone).hasSize(4);
        assertThat(inSweep.get(0)).isEqualTo("sanity (Q1, quick scale): 3 trials, 2 to run (400 steps), 1 done, "
                + "0 failed and not retried");
        List<String> sweepTrialLines = inSweep.subList(1, inSweep.size()).stream()
                .map(l -> l.replace("gpt-djl-s0", "trial").replaceFirst("  \\[.*]$", "")).toList();
        assertThat(sweepTrialLines).isEqualTo(lone);
        assertThat(lone).containsExactly("trial: training, steps 1..200",
                "trial: step 0/200  train_loss 2.5000  train_acc 0.100  val_loss 2.6000  val_acc 0.050  norm 30.00  "
                        + "0.0s",
                "trial: step 200/200  train_loss 2.5000  train_acc 0.100  val_loss 2.6000  val_acc 0.050  norm 30.00  "
                        + "2.0s",
                "trial: DONE at step 200");
        assertThat(inSweep.get(inSweep.size() - 1))
                .matches("gpt-djl-s0: DONE at step 200  \\[1/2 trials ended, 0 failed; 50% of steps; about \\S+ left]");
    }

    @Test
    void aLoneTrialLogsEveryEvaluationPeriodASweepEveryTenthAndVerboseEveryEvaluation() {
        Consumer<ProgressListener> evaluations = p -> {
            p.trialStarted("t", CONFIG, 0, 200);
            for (long step : new long[] {0, 1, 2, 10, 20, 100, 110, 200, 201}) {
                p.evaluated("t", record(step));
            }
        };
        assertThat(steps(lines(false, evaluations))).containsExactly(0L, 10L, 20L, 100L, 110L, 200L);
        assertThat(steps(lines(false, p -> {
            p.experimentStarted(SANITY);
            evaluations.accept(p);
        }))).containsExactly(0L, 100L, 200L);
        assertThat(steps(lines(true, evaluations))).containsExactly(0L, 1L, 2L, 10L, 20L, 100L, 110L, 200L, 201L);
    }

    @Test
    void anEndLineSaysWhyAndHowFarTheSweepIs() {
        List<String> out = lines(false, p -> {
            p.experimentStarted(SANITY);
            p.trialStarted("lstm-djl-s0", CONFIG, 100, 200);
            p.stepped("lstm-djl-s0", 150, 1.0);
            p.trialEnded("lstm-djl-s0", TrialStatus.failed(150, "the training loss became NaN at step 150"));
            p.trialEnded("gpt-djl-s0", TrialStatus.running(40));
        });
        assertThat(out).contains("lstm-djl-s0: continuing, steps 101..200");
        assertThat(out.get(2)).startsWith("lstm-djl-s0: FAILED at step 150 (the training loss became NaN at step 150)  "
                + "[1/2 trials ended, 1 failed; 50% of steps; about ");
        assertThat(out.get(3)).startsWith("gpt-djl-s0: INTERRUPTED at step 40  [2/2 trials ended, 2 failed; 100% of "
                + "steps; about ");
    }

    @Test
    void aTrialAlreadyDoneEndsWithoutStarting() {
        assertThat(lines(false, p -> p.trialEnded("trial", TrialStatus.done(20))))
                .containsExactly("trial: DONE at step 20");
    }

    private static void oneTrial(ProgressListener p, String name) {
        p.trialStarted(name, CONFIG, 0, 200);
        p.stepped(name, 1, 2.5);
        p.evaluated(name, record(0));
        p.evaluated(name, record(1));
        p.evaluated(name, record(200));
        p.trialEnded(name, TrialStatus.done(200));
    }

    private static MetricsRecord record(long step) {
        return new MetricsRecord(step, 0, 2.5, 0.1, 2.6, 0.05, 30.0, 1000, step / 100.0, null, null, null, null, null,
                null, null, null);
    }

    private static List<String> lines(boolean verbose, Consumer<ProgressListener> events) {
        StringWriter text = new StringWriter();
        try (ProgressListener p = new LogLines(new PrintWriter(text), verbose)) {
            events.accept(p);
        }
        return text.toString().lines().toList();
    }

    private static List<Long> steps(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("t: step "))
                .map(l -> Long.parseLong(l.replaceFirst("t: step (\\d+)/.*", "$1"))).toList();
    }
}
