package org.polygrok.experiments.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialConfig;

/**
 * Equivalence with PyTorch on every available backend: trained from the reference's initial weights
 * (test resource torch/: d = 32, L = 2, H = 4, p = 31, seed 42, full batch of 480), each backend
 * reproduces PyTorch's step-0 train and validation losses within 1e-5 and its first 20 training losses
 * within 1e-3.
 */
class TorchEquivalenceTest {
    static final int STEPS = 20;

    static Stream<Arguments> backendsAndModels() {
        return EngineRuns.available().stream()
                .flatMap(b -> Stream.of(ModelKind.values()).map(m -> Arguments.of(b, m)));
    }

    static TrialConfig fixtureTrial(ModelKind model) throws URISyntaxException {
        return TrialSpecs.defaults(model).with(Map.of("dim", 32, "layers", 2, "heads", 4, "steps", STEPS,
                "init_weights", resource("init_" + model.label() + ".safetensors").toString()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndModels")
    void trainingFromPyTorchWeightsFollowsPyTorch(String backend, ModelKind model) throws URISyntaxException {
        JsonNode expected = Json.read(resource("expected.json"), JsonNode.class).get("models").get(model.label());
        BackendTrajectory run = EngineRuns.trajectory(backend, fixtureTrial(model), STEPS);

        assertThat(run.trainAtStart().loss()).as("step-0 train loss")
                .isCloseTo(expected.get("train_loss_step0").asDouble(), within(1e-5));
        assertThat(run.valAtStart().loss()).as("step-0 val loss")
                .isCloseTo(expected.get("val_loss_step0").asDouble(), within(1e-5));
        JsonNode trajectory = expected.get("trajectory");
        assertThat(trajectory.size()).isEqualTo(STEPS);
        for (int i = 0; i < STEPS; i++) {
            assertThat(run.loss(i)).as("%s %s loss of step %d", backend, model.label(), i + 1)
                    .isCloseTo(trajectory.get(i).asDouble(), within(1e-3));
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TorchEquivalenceTest.class.getResource("/torch/" + name).toURI());
    }
}
