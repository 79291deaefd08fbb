package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;
import org.polygrok.djl.DjlBackendProvider;

/**
 * Issue 5's cross-engine check at the default setting (p 31, r 0.5, L 2, d 128, seed 42): ND4J and
 * DJL/PyTorch start from the same seeded weights and give the same step-0 train and validation
 * loss (1e-5) and the same first 20 full-batch training losses (1e-3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameAsDjlTest {
    static final int STEPS = 20;
    private final DefaultTask task = new DefaultTask(42);
    private Backend nd4j;
    private Backend djl;

    @BeforeAll
    void start() {
        nd4j = Nd4jTesting.backend();
        djl = new DjlBackendProvider().create(new BackendOptions(2, false));
    }

    @AfterAll
    void stop() {
        djl.close(); // the ND4J backend is shared by this JVM's tests
    }

    Stream<String> models() {
        return Stream.of("lstm", "gpt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sameSeedSameLosses(String kind) {
        LanguageModel model = kind.equals("gpt") ? new GPT(GptConfig.defaults(DefaultTask.VOCAB, DefaultTask.SEQUENCE))
                : new LSTMLM(LstmConfig.defaults(DefaultTask.VOCAB));
        Map<String, HostArray> weights = WeightInit.initialWeights(model, 42);
        try (TrainSession a = nd4j.newTrainSession(model, weights, TrainSpec.defaults());
                TrainSession b = djl.newTrainSession(model, weights, TrainSpec.defaults())) {
            assertThat(mean(a.evaluate(task.train()).loss())).as("%s step-0 train loss", kind)
                    .isCloseTo(mean(b.evaluate(task.train()).loss()), within(1e-5));
            assertThat(mean(a.evaluate(task.validation()).loss())).as("%s step-0 validation loss", kind)
                    .isCloseTo(mean(b.evaluate(task.validation()).loss()), within(1e-5));
            for (int t = 0; t < STEPS; t++) {
                float expected = b.step(task.train());
                assertThat(a.step(task.train())).as("%s loss of step %d", kind, t + 1).isCloseTo(expected, within(1e-3f));
            }
        }
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
