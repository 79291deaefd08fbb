package org.polygrok.experiments.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * Every pair of available backends computes the same trial: from seeded initial weights (d = 32, L = 2,
 * p = 31, seed 0, full batch) and from PyTorch's, the step-0 train and validation losses agree within
 * 1e-5 and the first 20 training losses within 1e-3.
 */
class BackendPairAgreementTest {
    static final int STEPS = 20;

    static Stream<Arguments> pairsModelsAndInits() {
        return EngineRuns.pairs().stream().flatMap(pair -> Stream.of(ModelKind.values())
                .flatMap(m -> Stream.of("seeded", "pytorch").map(init -> Arguments.of(pair[0], pair[1], m, init))));
    }

    @ParameterizedTest(name = "{0} vs {1}, {2}, {3} weights")
    @MethodSource("pairsModelsAndInits")
    void pairAgrees(String first, String second, ModelKind model, String init) throws URISyntaxException {
        TrialConfig config = init.equals("seeded")
                ? TrialSpecs.defaults(model).with(Map.of("dim", 32, "layers", 2, "heads", 4, "seed", 0, "steps", STEPS))
                : TorchEquivalenceTest.fixtureTrial(model);
        BackendTrajectory a = EngineRuns.trajectory(first, config, STEPS);
        BackendTrajectory b = EngineRuns.trajectory(second, config, STEPS);

        assertThat(b.trainAtStart().loss()).as("step-0 train loss")
                .isCloseTo(a.trainAtStart().loss(), within(1e-5));
        assertThat(b.valAtStart().loss()).as("step-0 val loss").isCloseTo(a.valAtStart().loss(), within(1e-5));
        for (int i = 0; i < STEPS; i++) {
            assertThat(b.loss(i)).as("loss of step %d", i + 1).isCloseTo(a.loss(i), within(1e-3));
        }
        Agreement agreement = Agreement.of(List.of(a, b), new Tolerances(1e-5, 1e-3, 1e-2));
        assertThat(agreement.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
    }
}
