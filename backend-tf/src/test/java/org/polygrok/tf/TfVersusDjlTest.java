package org.polygrok.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Backends;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * Issue 4's cross-check: for the same seed, TensorFlow and DJL (PyTorch) give the same step-0 train
 * and validation losses within 1e-5 and the same first 20 full-batch training losses within 1e-3,
 * for both models (p = 31, seed 42, r_train 0.5, AdamW defaults; d = 32, L = 2 to stay small).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TfVersusDjlTest {
    private static final ModularAddition TASK = new ModularAddition(31);
    private static final int STEPS = 20;
    private Backend djl;

    @BeforeAll
    void createDjl() {
        djl = Backends.find("djl").orElseThrow(() -> new IllegalStateException("the DJL backend is not on the test class path"))
                .create(new BackendOptions(2, false));
    }

    @AfterAll
    void closeDjl() {
        djl.close();
    }

    @Test
    void lstmAgrees() {
        compare(new LSTMLM(new LstmConfig(TASK.vocab, 32, 2, TASK.pad)));
    }

    @Test
    void gptAgrees() {
        compare(new GPT(new GptConfig(TASK.vocab, 32, 2, 4, 4, 6, TASK.pad)));
    }

    private void compare(LanguageModel model) {
        Map<String, HostArray> weights = WeightInit.initialWeights(model, 42);
        Batch[] split = TASK.trainAndVal(42, 0.5);
        try (TrainSession tf = TfTesting.backend().newTrainSession(model, weights, TrainSpec.defaults());
                TrainSession torch = djl.newTrainSession(model, weights, TrainSpec.defaults())) {
            for (Batch b : split) {
                Evaluation a = tf.evaluate(b);
                Evaluation e = torch.evaluate(b);
                assertThat(mean(a.loss())).isCloseTo(mean(e.loss()), within(1e-5f));
                assertThat(mean(a.correct())).isEqualTo(mean(e.correct()));
            }
            for (int t = 0; t < STEPS; t++) {
                assertThat(tf.step(split[0])).as("loss at step %d", t).isCloseTo(torch.step(split[0]), within(1e-3f));
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
