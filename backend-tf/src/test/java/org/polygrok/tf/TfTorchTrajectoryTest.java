package org.polygrok.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.io.SafeTensors;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * From PyTorch's initial weights (d = 32, L = 2, p = 31, seed 42) TensorFlow reproduces PyTorch's
 * step-0 losses and accuracies and its first 20 full-batch AdamW training losses. The fixture is the
 * project's PyTorch reference run (experiments/src/test/resources/torch).
 */
class TfTorchTrajectoryTest {
    private static final Path FIXTURE = Path.of("..", "experiments", "src", "test", "resources", "torch");
    private static final ModularAddition TASK = new ModularAddition(31);

    @Test
    void lstmFollowsPyTorch() throws IOException {
        check("lstm", new LSTMLM(new LstmConfig(TASK.vocab, 32, 2, TASK.pad)));
    }

    @Test
    void gptFollowsPyTorch() throws IOException {
        check("gpt", new GPT(new GptConfig(TASK.vocab, 32, 2, 4, 4, 6, TASK.pad)));
    }

    private static void check(String name, LanguageModel model) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(FIXTURE.resolve("expected.json").toFile()).get("models").get(name);
        Map<String, HostArray> weights = SafeTensors.read(FIXTURE.resolve("init_" + name + ".safetensors"));
        Batch[] split = TASK.trainAndVal(42, 0.5);
        try (TrainSession s = TfTesting.backend().newTrainSession(model, weights, TrainSpec.defaults())) {
            Evaluation train = s.evaluate(split[0]);
            Evaluation val = s.evaluate(split[1]);
            assertThat(mean(train.loss())).isCloseTo(expected.get("train_loss_step0").floatValue(), within(1e-5f));
            assertThat(mean(val.loss())).isCloseTo(expected.get("val_loss_step0").floatValue(), within(1e-5f));
            assertThat(mean(train.correct())).isCloseTo(expected.get("train_acc_step0").floatValue(), within(1e-6f));
            assertThat(mean(val.correct())).isCloseTo(expected.get("val_acc_step0").floatValue(), within(1e-6f));
            JsonNode trajectory = expected.get("trajectory");
            for (int t = 0; t < trajectory.size(); t++) {
                assertThat(s.step(split[0])).as("%s loss at step %d", name, t)
                        .isCloseTo(trajectory.get(t).floatValue(), within(1e-4f));
            }
        }
    }

    private static float mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return (float) (sum / values.length);
    }

}
