package org.polygrok.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polygrok.api.Backend;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Trained from the PyTorch reference's initial weights (test resource torch/, d = 32, L = 2, p = 31,
 * seed 42), the DJL trial reproduces the reference's step-0 metrics and first 20 full-batch losses:
 * the split, the batches, the loss, clipping and AdamW all agree with PyTorch.
 */
class TorchReferenceTrajectoryTest {
    private static Backend backend;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        backend = DjlTrials.backend();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void firstTwentyLossesMatchPyTorch(ModelKind model) throws URISyntaxException {
        JsonNode expected = Json.read(resource("expected.json"), JsonNode.class).get("models").get(model.label());
        TrialConfig config = TrialSpecs.defaults(model).with(Map.of("backend", "djl", "dim", 32, "layers", 2,
                "steps", 20, "eval_first", 0, "eval_period", 1000, "init_weights",
                resource("init_" + model.label() + ".safetensors").toString()));
        List<Double> losses = new ArrayList<>();
        List<MetricsRecord> records = new ArrayList<>();
        TrialStatus status = DjlTrials.run(backend, config, tmp.resolve("t"), 1000, new ProgressListener() {
            @Override
            public void stepped(String trial, long step, double loss) {
                losses.add(loss);
            }

            @Override
            public void evaluated(String trial, MetricsRecord record) {
                records.add(record);
            }
        });
        assertThat(status).isEqualTo(TrialStatus.done(20));
        MetricsRecord first = records.get(0);
        assertThat(first.numParams()).isEqualTo(expected.get("params_without_embeddings").asLong());
        assertThat(first.trainLoss()).isCloseTo(expected.get("train_loss_step0").asDouble(), within(2e-5));
        assertThat(first.valLoss()).isCloseTo(expected.get("val_loss_step0").asDouble(), within(2e-5));
        assertThat(first.trainAccuracy()).isCloseTo(expected.get("train_acc_step0").asDouble(), within(1e-6));
        assertThat(first.valAccuracy()).isCloseTo(expected.get("val_acc_step0").asDouble(), within(1e-6));
        JsonNode trajectory = expected.get("trajectory");
        assertThat(losses).hasSize(trajectory.size());
        for (int i = 0; i < losses.size(); i++) {
            assertThat(losses.get(i)).as("loss of step %d", i + 1)
                    .isCloseTo(trajectory.get(i).asDouble(), within(1e-5)); // measured: at most 4.8e-7
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TorchReferenceTrajectoryTest.class.getResource("/torch/" + name).toURI());
    }
}
