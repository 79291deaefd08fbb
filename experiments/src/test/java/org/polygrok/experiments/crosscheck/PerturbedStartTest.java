package org.polygrok.experiments.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Backends;
import org.polygrok.api.HostArray;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * On the real engines: a backend that starts from deliberately perturbed weights (every initial weight
 * + 0.01, as a defect in weight upload would do) gets "disagree from the start", while the same backend
 * from the shared weights agrees (small GPT: d = 32, L = 1, 20 steps).
 */
class PerturbedStartTest {
    static final int STEPS = 20;

    @Test
    void perturbedInitialWeightsDisagreeFromTheStart() {
        List<String> names = EngineRuns.available();
        assumeThat(names.size()).as("two available backends").isGreaterThanOrEqualTo(2);
        TrialConfig config = TrialSpecs.defaults(ModelKind.GPT).with(Map.of("dim", 32, "layers", 1, "heads", 4,
                "seed", 0, "steps", STEPS));
        BackendTrajectory reference = EngineRuns.trajectory(names.get(0), config, STEPS);
        BackendTrajectory same = EngineRuns.trajectory(names.get(1), config, STEPS);
        BackendTrajectory perturbed = perturbed(names.get(1), config);

        Agreement agreeing = Agreement.of(List.of(reference, same), Tolerances.defaults());
        assertThat(agreeing.verdict()).isEqualTo(Verdict.AGREE);
        assertThat(agreeing.horizons().get(0).lastAgreeing()).isEqualTo(STEPS);

        Agreement a = Agreement.of(List.of(reference, perturbed), Tolerances.defaults());
        assertThat(a.horizons().get(0).cause()).isEqualTo(Horizon.Cause.START);
        assertThat(a.verdict()).isEqualTo(Verdict.DISAGREE_FROM_START);
        assertThat(a.verdict().exitCode()).isEqualTo(1);
    }

    private static BackendTrajectory perturbed(String backend, TrialConfig config) {
        PreparedTrial t = PreparedTrial.prepare(config);
        Map<String, HostArray> shifted = new LinkedHashMap<>();
        t.initialWeights().forEach((name, w) -> {
            float[] v = w.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += 0.01f;
            }
            shifted.put(name, HostArray.of(v, w.shape()));
        });
        PreparedTrial perturbed = new PreparedTrial(t.config(), t.dataset(), t.model(), t.plan(), t.schedule(),
                t.evaluator(), shifted);
        try (Backend b = Backends.select(backend).create(new BackendOptions(2, false))) {
            return TrajectoryRecorder.record(perturbed, b, STEPS);
        }
    }
}
