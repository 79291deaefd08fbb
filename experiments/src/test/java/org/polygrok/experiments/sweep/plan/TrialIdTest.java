package org.polygrok.experiments.sweep.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.TrialConfig;

/** Trial ids: stable across runs and machines, blind to the environment, different for different trials. */
class TrialIdTest {

    private static TrialConfig sanityGpt(String backend, long seed) {
        return Experiment.SANITY.plan(Scale.FULL).config(ModelKind.GPT, Map.of(), Map.of(), backend, seed);
    }

    @Test
    void theIdOfAKnownTrialNeverChanges() {
        TrialConfig c = sanityGpt("djl", 42);
        assertThat(TrialId.canonicalJson(c)).isEqualTo("{\"backend\":\"djl\",\"clip_norm\":1,\"dim\":128,"
                + "\"dropout\":0,\"eval_batch_size\":4096,\"eval_first\":100,\"eval_period\":100,\"heads\":4,"
                + "\"layers\":2,\"legacy_mask\":false,\"lr\":0.001,\"model\":\"gpt\",\"multiplier\":4,"
                + "\"operator\":\"+\",\"optimizer\":\"adamw\",\"orders\":[2],\"p\":31,\"r_train\":0.5,\"seed\":42,"
                + "\"split\":\"plain\",\"steps\":10001,\"train_batch_size\":512,\"weight_decay\":1}");
        assertThat(TrialId.of(c)).isEqualTo("gpt-djl-s42-" + TrialId.hash(c)).matches("gpt-djl-s42-[0-9a-f]{12}");
        assertThat(TrialId.hash(c)).isEqualTo("530d71874c88");
    }

    @Test
    void theEnvironmentTheExperimentAndTheMapOrderDoNotChangeTheId() {
        TrialConfig c = sanityGpt("djl", 42);
        TrialConfig elsewhere = c.with(Map.of("threads", 7, "engine", "PyTorch x", "polygrok_version", "9",
                "java_version", "21", "effective_steps", 10001, "experiment", "attention"));
        assertThat(TrialId.of(elsewhere)).isEqualTo(TrialId.of(c));
        TrialConfig roundTrip = org.polygrok.plotting.results.Json.mapper().convertValue(
                new java.util.TreeMap<>(org.polygrok.plotting.results.Json.mapper().convertValue(c, Map.class)),
                TrialConfig.class);
        assertThat(TrialId.of(roundTrip)).isEqualTo(TrialId.of(c));
    }

    @Test
    void anyComputedDifferenceChangesTheId() {
        TrialConfig c = sanityGpt("djl", 42);
        assertThat(TrialId.of(sanityGpt("tf", 42))).isNotEqualTo(TrialId.of(c)).startsWith("gpt-tf-s42-");
        assertThat(TrialId.hash(sanityGpt("djl", 0))).isNotEqualTo(TrialId.hash(c));
        assertThat(TrialId.hash(c.with("lr", 0.0011))).isNotEqualTo(TrialId.hash(c));
        assertThat(TrialId.hash(c.with("legacy_mask", true))).isNotEqualTo(TrialId.hash(c));
    }

    @Test
    void thePrefixNamesTheSweptValues() {
        var plans = Map.of(Experiment.DATA_SCALING, Map.<String, Object>of("r_train", 0.3),
                Experiment.MODEL_SIZE, new java.util.LinkedHashMap<String, Object>(Map.of("layers", 2, "dim", 64)),
                Experiment.COMPUTE, Map.<String, Object>of("train_batch_size", 32),
                Experiment.REGULARIZATION, Map.<String, Object>of("weight_decay", 0.25));
        var expected = Map.of(Experiment.DATA_SCALING, "lstm-djl-s0-r0.3-", Experiment.MODEL_SIZE, "lstm-djl-s0-L2-d64-",
                Experiment.COMPUTE, "lstm-djl-s0-B32-", Experiment.REGULARIZATION, "lstm-djl-s0-wd0.25-");
        plans.forEach((e, setting) -> {
            TrialConfig c = e.plan(Scale.FULL).config(ModelKind.LSTM, setting, Map.of(), "djl", 0);
            assertThat(TrialId.of(c)).startsWith(expected.get(e));
            assertThat(c.setting()).isEqualTo(setting);
            assertThat(c.experiment()).isEqualTo(e.label());
        });
    }
}
