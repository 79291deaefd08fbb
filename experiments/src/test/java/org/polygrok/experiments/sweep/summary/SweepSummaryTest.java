package org.polygrok.experiments.sweep.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepPlanner;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;
import org.polygrok.plotting.results.TrialStatus;

/** Summaries built from hand-written trial folders: aggregation over seeds, α rows, Q3 (d), failures, the three files. */
class SweepSummaryTest {
    @TempDir
    Path tmp;

    private SweepPlan plan(Experiment e, List<ModelKind> models) {
        return SweepPlanner.plan(new SweepRequest(e, Scale.QUICK, List.of("djl"), models, List.of(0L, 42L), Map.of(), 1,
                false, tmp), "polygrok run " + e.label());
    }

    /** A DONE trial whose accuracies step up: train reaches aTrain at step 10, val reaches aVal at step tVal. */
    private static void done(SweepTrial t, double aTrain, double aVal, long tVal, long last) {
        t.directory().writeConfig(t.config());
        for (long step : new long[] {0, 10, tVal, last}) {
            double trainAcc = step >= 10 ? aTrain : 0;
            double valAcc = step >= tVal ? aVal : 0;
            t.directory().appendMetrics(new MetricsRecord(step, step, 1.0 / (step + 1), trainAcc, 2.0 / (step + 1),
                    valAcc, 50 - step / 100.0, 1234, step, null, null, null, null, null, null, null, null));
        }
        t.directory().writeStatus(TrialStatus.done(last));
    }

    private static SweepTrial find(SweepPlan p, String model, Object r, long seed) {
        return p.trials().stream().filter(t -> t.config().model().equals(model) && t.config().seed() == seed
                && (r == null || t.setting().containsValue(r))).findFirst().orElseThrow();
    }

    @Test
    void dataScalingRowsAggregateSeedsAndAnswerQuestionD() throws Exception {
        SweepPlan p = plan(Experiment.DATA_SCALING, List.of(ModelKind.LSTM));
        assertThat(p.trials()).hasSize(8); // quick: r in {0.3, 0.5, 0.7, 0.9} x seeds {0, 42}; 0.9 never runs here
        done(find(p, "lstm", 0.3, 0), 1.0, 0.2, 50, 1500);
        done(find(p, "lstm", 0.3, 42), 1.0, 0.2, 50, 1500);
        done(find(p, "lstm", 0.5, 0), 1.0, 0.4, 500, 1500);
        done(find(p, "lstm", 0.5, 42), 1.0, 0.6, 700, 1500);
        done(find(p, "lstm", 0.7, 0), 1.0, 0.95, 300, 1500);
        SweepTrial failed = find(p, "lstm", 0.7, 42);
        failed.directory().writeConfig(failed.config());
        failed.directory().writeStatus(TrialStatus.failed(12, "the training loss became NaN at step 12"));

        List<SummaryRow> rows = SweepSummary.rows(p);
        assertThat(rows).extracting(r -> r.setting().get("r_train")).containsExactly(0.3, 0.5, 0.7, 0.9);
        assertThat(rows.get(3).metrics()).isEmpty();
        assertThat(rows.get(3).failed()).hasSize(2).allMatch(f -> f.endsWith(": not started"));
        SummaryRow half = rows.get(1);
        assertThat(half.seeds()).containsExactly(0L, 42L);
        assertThat(half.alpha()).isNull();
        assertThat(half.numParams()).isEqualTo(1234);
        assertThat(half.metrics()).containsOnlyKeys(SummaryMetrics.METRICS);
        assertThat(half.metric("A_val").mean()).isCloseTo(0.5, within(1e-12));
        assertThat(half.metric("A_val").std()).isCloseTo(0.1, within(1e-12)); // population std
        assertThat(half.metric("t_f_A_val").mean()).isEqualTo(600);
        assertThat(half.metric("delta_t_A").mean()).isEqualTo(590);
        assertThat(half.metric("delta_t_A").std()).isEqualTo(100);
        SweepSummary.rows(p); // reading again changes nothing
        SummaryRow last = rows.get(2);
        assertThat(last.seeds()).containsExactly(0L);
        assertThat(last.failed()).singleElement().asString().contains("seed 42", failed.id(),
                "FAILED at step 12: the training loss became NaN at step 12");

        assertThat(ScalingAnswers.answers(rows)).singleElement().satisfies(a -> {
            assertThat(a.smallestGeneralising()).contains(0.7);
            assertThat(a.largestMemorisingOnly()).contains(0.5);
        });

        String md = SummaryFiles.write(p);
        assertThat(md).contains("# data-scaling (Q3), quick scale", "Quick scale (not the protocol)", "### LSTM",
                "| r_train | L_train |", "| 0.5 | ", "0.500 ± 0.100", "**0.950**", "## Question (d)",
                "the smallest r_train with A_val ≥ 0.9 is 0.7; the largest with A_train ≥ 0.99 and A_val ≤ 0.5 is 0.5",
                "## Failed or unfinished trials");
        assertThat(Files.readString(tmp.resolve("data-scaling/summary.md"))).isEqualTo(md);
        List<Map<String, Object>> json = Json.mapper().readValue(tmp.resolve("data-scaling/summary.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        assertThat(json).hasSize(4);
        assertThat(json.get(0)).containsKeys("backend", "model", "setting", "alpha", "seeds", "num_params",
                "failed", "metrics").containsEntry("alpha", null).containsEntry("setting", Map.of("r_train", 0.3));
        List<String> csv = Files.readAllLines(tmp.resolve("data-scaling/summary.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).startsWith("backend,model,r_train,alpha,seeds,num_params,failed,L_train_mean,L_train_std,");
        assertThat(csv.get(2)).startsWith("djl,lstm,0.5,,0 42,1234,,");
    }

    @Test
    void computeHasOneRowPerAlphaOverTheStepsBelowAlphaT() {
        SweepPlan p = plan(Experiment.COMPUTE, List.of(ModelKind.GPT));
        long t = p.horizon();
        assertThat(t).isEqualTo(p.trials().get(0).config().steps());
        for (SweepTrial trial : p.trials()) {
            done(trial, 1.0, 1.0, (long) (0.45 * t), trial.effectiveSteps());
        }
        List<SummaryRow> rows = SweepSummary.rows(p);
        assertThat(rows).hasSize(p.plan().settings().size() * 10);
        SummaryRow small = rows.stream().filter(r -> r.alpha() == 0.4).findFirst().orElseThrow();
        SummaryRow large = rows.stream().filter(r -> r.alpha() == 0.5).findFirst().orElseThrow();
        assertThat(small.metric("A_val").mean()).isZero();
        assertThat(large.metric("A_val").mean()).isEqualTo(1.0);
        assertThat(large.metric("t_f_A_val").mean()).isEqualTo((long) (0.45 * t));
        assertThat(SummaryFiles.write(p)).contains("### GPT, α = 0.1 (steps ≤ " + (long) Math.floor(0.1 * t) + ")",
                "| train_batch_size | L_train |");
    }

    @Test
    void regularizationAddsTheParameterNormAndSanityPutsModelsInColumns() {
        SweepPlan reg = plan(Experiment.REGULARIZATION, List.of(ModelKind.LSTM, ModelKind.GPT));
        assertThat(reg.models()).containsExactly(ModelKind.LSTM);
        reg.trials().forEach(t -> done(t, 1.0, 1.0, 100, 1500));
        SummaryRow row = SweepSummary.rows(reg).get(0);
        assertThat(row.metrics()).containsKey(SummaryMetrics.PARAM_NORM);
        assertThat(row.metric(SummaryMetrics.PARAM_NORM).mean()).isEqualTo(35.0);
        assertThat(SummaryFiles.write(reg)).contains("‖θ‖₂", "| weight_decay |");

        SweepPlan sanity = plan(Experiment.SANITY, List.of(ModelKind.LSTM, ModelKind.GPT));
        sanity.trials().forEach(t -> done(t, 1.0, 1.0, 100, 1500));
        String md = SummaryFiles.write(sanity);
        assertThat(md).contains("|  | LSTM | GPT |", "| L_train | ", "| t_f(A_val) | 100 | 100 |", "| Δt(A) | 90 | 90 |");
    }

    @Test
    void severalBackendsGetASideBySideTable() {
        SweepPlan sanity = SweepPlanner.plan(new SweepRequest(Experiment.SANITY, Scale.QUICK, List.of("djl", "tf"),
                List.of(ModelKind.LSTM, ModelKind.GPT), List.of(42L), Map.of(), 1, false, tmp), "polygrok run sanity");
        sanity.trials().forEach(t -> done(t, 1.0, t.config().backend().equals("tf") ? 0.5 : 1.0, 100, 1500));
        String md = SummaryFiles.write(sanity);
        assertThat(md).contains("## Backend djl", "## Backend tf", "## Backends side by side",
                "|  | LSTM djl | LSTM tf | GPT djl | GPT tf |", "| A_val | **1.000** | 0.500 | **1.000** | 0.500 |");

        SweepPlan scaling = SweepPlanner.plan(new SweepRequest(Experiment.DATA_SCALING, Scale.QUICK, List.of("djl", "tf"),
                List.of(ModelKind.GPT), List.of(42L), Map.of(), 1, false, tmp), "polygrok run data-scaling");
        scaling.trials().forEach(t -> done(t, 1.0, 0.75, 100, 1500));
        assertThat(SummaryFiles.write(scaling)).contains("| r_train | L_val djl | L_val tf | A_val djl | A_val tf | "
                + "t_f(A_val) djl | t_f(A_val) tf |", "| 0.3 | ");
    }
}
