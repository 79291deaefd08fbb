package org.polygrok.experiments.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/** The full grids are PROTOCOL §8 exactly (108 runs); the quick ones say what they change. */
class ExperimentPlansTest {

    private static int runs(Experiment e) {
        ExperimentPlan p = e.plan(Scale.FULL);
        return p.settings().size() * p.seeds().size() * e.models().size();
    }

    @Test
    void theFullGridsAreTheProtocols() {
        assertThat(runs(Experiment.SANITY)).isEqualTo(4);
        assertThat(runs(Experiment.DATA_SCALING)).isEqualTo(36);
        assertThat(runs(Experiment.ORDERS)).isEqualTo(4);
        assertThat(runs(Experiment.MODEL_SIZE)).isEqualTo(36);
        assertThat(runs(Experiment.COMPUTE)).isEqualTo(20);
        assertThat(runs(Experiment.REGULARIZATION)).isEqualTo(8);
        assertThat(Experiment.SANITY.plan(Scale.FULL).seeds()).containsExactly(0L, 42L);

        TrialConfig sanity = config(Experiment.SANITY, ModelKind.GPT, Map.of());
        assertThat(sanity.with(Map.of("experiment", "train", "backend", "djl", "seed", 42)))
                .isEqualTo(TrialSpecs.defaults(ModelKind.GPT).with("backend", "djl"));
        TrialConfig orders = config(Experiment.ORDERS, ModelKind.LSTM, Map.of());
        assertThat(orders.p()).isEqualTo(11);
        assertThat(orders.orders()).containsExactly(2, 3);
        assertThat(orders.split()).isEqualTo("per-order");
        assertThat(orders.rTrain()).isEqualTo(0.5);
        assertThat(config(Experiment.COMPUTE, ModelKind.GPT, Map.of("train_batch_size", 32)).steps()).isEqualTo(20001);
        assertThat(Experiment.COMPUTE.plan(Scale.FULL).alphas()).hasSize(10).startsWith(0.1).endsWith(1.0);
        TrialConfig reg = config(Experiment.REGULARIZATION, ModelKind.LSTM, Map.of("weight_decay", 0.25));
        assertThat(reg.steps()).isEqualTo(40001);
        assertThat(reg.weightDecay()).isEqualTo(0.25);
        assertThat(Experiment.MODEL_SIZE.plan(Scale.FULL).settings()).hasSize(9)
                .contains(Map.of("layers", 3, "dim", 256));
        assertThat(Experiment.DATA_SCALING.plan(Scale.FULL).settings()).extracting(s -> s.get("r_train"))
                .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
    }

    @Test
    void quickPlansAreSmallerAndSaySo() {
        for (Experiment e : Experiment.values()) {
            ExperimentPlan quick = e.plan(Scale.QUICK);
            ExperimentPlan full = e.plan(Scale.FULL);
            assertThat(quick.notes()).startsWith("Quick scale");
            assertThat(full.notes()).startsWith("Full scale");
            assertThat(quick.settings().size()).isLessThanOrEqualTo(full.settings().size());
            TrialConfig q = quick.config(ModelKind.LSTM, quick.settings().get(0), Map.of(), "djl", 0);
            TrialConfig f = full.config(ModelKind.LSTM, full.settings().get(0), Map.of(), "djl", 0);
            assertThat(q.steps()).isLessThan(f.steps());
        }
    }

    @Test
    void userChangesComeAfterThePlanAndCanTargetOneModel() {
        ExperimentPlan p = Experiment.SANITY.plan(Scale.FULL);
        Map<String, Object> changes = Map.of("steps", 500, "gpt.lr", 0.01);
        assertThat(p.config(ModelKind.GPT, Map.of(), changes, "djl", 0).lr()).isEqualTo(0.01);
        assertThat(p.config(ModelKind.LSTM, Map.of(), changes, "djl", 0).lr()).isEqualTo(0.001);
        assertThat(p.config(ModelKind.LSTM, Map.of(), changes, "djl", 0).steps()).isEqualTo(500);
        assertThat(ConfigChanges.parse("orders=[2,3]", List.of()).getValue()).isEqualTo(List.of(2, 3));
        assertThat(ConfigChanges.parse("split=per-order", List.of()).getValue()).isEqualTo("per-order");
        assertThat(ConfigChanges.parse("gpt.lr=1e-2", List.of())).isEqualTo(Map.entry("gpt.lr", 0.01));
        assertThatThrownBy(() -> ConfigChanges.parse("lrr=1", List.of())).hasMessageStartingWith(
                "--set lrr: unknown setting 'lrr'; use one of clip_norm, dim,");
        assertThatThrownBy(() -> ConfigChanges.parse("cnn.lr=1", List.of())).hasMessage("unknown model 'cnn'; use lstm or gpt");
        assertThatThrownBy(() -> ConfigChanges.parse("steps", List.of())).hasMessageStartingWith("--set needs KEY=VALUE");
        assertThatThrownBy(() -> p.config(ModelKind.GPT, Map.of(), Map.of("steps", "many"), "djl", 0))
                .hasMessageStartingWith("--set {steps=many} does not fit a trial");
        assertThatThrownBy(() -> Experiment.resolve("sanity-check")).hasMessage("unknown experiment 'sanity-check'; "
                + "use one of sanity, data-scaling, orders, model-size, compute, regularization, attention, all");
        assertThat(Experiment.resolve("all")).hasSize(7).startsWith(Experiment.SANITY).endsWith(Experiment.ATTENTION);
    }

    private static TrialConfig config(Experiment e, ModelKind m, Map<String, Object> setting) {
        return e.plan(Scale.FULL).config(m, setting, Map.of(), "djl", 42);
    }
}
