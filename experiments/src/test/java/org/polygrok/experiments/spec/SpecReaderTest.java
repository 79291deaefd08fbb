package org.polygrok.experiments.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.ExperimentPlan;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.train.ModelKind;

/** Reading specs: the grid's cartesian product, YAML and JSON alike, and one sentence for each kind of bad spec. */
class SpecReaderTest {
    @TempDir
    Path tmp;

    private SweepSpec read(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return SpecReader.read(file);
    }

    private void refused(String text, String... sentence) {
        assertThatThrownBy(() -> read("bad.yaml", text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(sentence).hasMessageStartingWith(tmp.resolve("bad.yaml").toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theGridIsACartesianProductFirstKeyOutermost() throws Exception {
        SweepSpec spec = read("lr.yaml", """
                name: lr-vs-backend
                base: {p: 11, steps: 500, r_train: 0.5, gpt.heads: 2}
                grid: {lr: [0.001, 0.003], weight_decay: [0.1, 1.0]}
                models: [gpt]
                seeds: [0, 42]
                backends: [tf, djl]
                alphas: [0.5, 1.0]
                """);
        ExperimentPlan plan = Experiment.of(spec).plan(Scale.FULL);
        assertThat(plan.settings()).containsExactly(Map.of("lr", 0.001, "weight_decay", 0.1),
                Map.of("lr", 0.001, "weight_decay", 1.0), Map.of("lr", 0.003, "weight_decay", 0.1),
                Map.of("lr", 0.003, "weight_decay", 1.0));
        assertThat(plan.settings().get(0).keySet()).containsExactly("lr", "weight_decay");
        assertThat(plan.seeds()).containsExactly(0L, 42L);
        assertThat(plan.alphas()).containsExactly(0.5, 1.0);
        assertThat(plan.config(ModelKind.GPT, plan.settings().get(3), Map.of(), "tf", 0))
                .satisfies(c -> assertThat(List.of(c.p(), c.steps(), c.heads(), c.lr(), c.weightDecay()))
                        .containsExactly(11, 500L, 2, 0.003, 1.0));
        assertThat(Experiment.of(spec).inStudy()).isFalse();
        assertThat(Experiment.of(spec).question()).isEqualTo(Experiment.NO_QUESTION);

        SweepSpec json = read("lr.json", """
                {"name": "lr-vs-backend", "base": {"p": 11, "steps": 500, "r_train": 0.5, "gpt.heads": 2},
                 "grid": {"lr": [0.001, 0.003], "weight_decay": [0.1, 1.0]}, "models": ["gpt"], "seeds": [0, 42],
                 "backends": ["tf", "djl"], "alphas": [0.5, 1.0]}
                """);
        assertThat(json).isEqualTo(spec);
        assertThat(read("again.yaml", SpecReader.yaml(spec))).isEqualTo(spec);
    }

    @Test
    void theStudysSpecsAreTheStudysExperiments() throws Exception {
        for (Experiment e : Experiment.values()) {
            SweepSpec printed = read(e.label() + ".yaml", SpecReader.resourceText(e.label()));
            assertThat(Experiment.of(printed)).isSameAs(e);
        }
        assertThat(Experiment.MODEL_SIZE.sweep()).containsExactly("layers", "dim");
        assertThat(Experiment.REGULARIZATION.models()).containsExactly(ModelKind.LSTM);
        assertThat(Experiment.COMPUTE.plan(Scale.QUICK).settings()).hasSize(2);
    }

    @Test
    void aBadSpecGetsOneSentence() {
        refused("name: x\ngridd: {lr: [0.1]}\n", "unknown key 'gridd'", "grid");
        refused("name: x\nquick: {seed: [1]}\n", "unknown key 'seed' in 'quick'");
        refused("name: x\ngrid: {}\n", "grid is empty");
        refused("name: x\ngrid: {lr: []}\n", "grid key 'lr' has no values");
        refused("name: x\ngrid: {lr: [fast]}\n", "does not fit a trial");
        refused("name: x\nbase: {steps: many}\n", "does not fit a trial");
        refused("name: x\nseeds: [zero]\n", "'seeds[0]' has the wrong type");
        refused("name: x\nbackends: [djl, cuda9]\n", "unknown backend 'cuda9'");
        refused("name: x\nbase: {lrr: 0.1}\n", "base has an unknown setting 'lrr'");
        refused("name: x\ngrid: {backend: [djl, tf]}\n", "the sweep chooses it from the spec's 'backends' list");
        refused("name: x\nmodels: [rnn]\n", "unknown model");
        refused("name: x\nbase: {lr: 0.1}\ngrid: {lr: [0.1, 0.2]}\n", "'lr' is both in base and in grid");
        refused("name: x\ngrid: {lr: [0.1]}\nquick: {grid: {dim: [8]}}\n", "both scales must sweep the same keys");
        refused("name: x\nalphas: [0, 1]\n", "alphas must lie in (0, 1]");
        refused("name: ../x\n", "name '../x' must be");
        refused("grid: {lr: [0.1]}\n", "'name' is missing");
        refused("name: x\nbase: {p: 7\n", "is not valid YAML");
    }

    @Test
    void theQuickScaleOfASpecWithoutOneIsRefused() throws Exception {
        Experiment e = Experiment.of(read("full.yaml", "name: only-full\n"));
        assertThat(e.plan(Scale.FULL).settings()).containsExactly(Map.of());
        assertThatThrownBy(() -> e.plan(Scale.QUICK)).hasMessageContaining("has no quick section");
    }
}
