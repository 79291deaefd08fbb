package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.TrainSpec;

/**
 * A session's plans compute in one pool of arrays ({@link FreeList#shared()}): evaluations on two
 * batch shapes between training steps leave the training bit for bit as it is without them, and
 * give the values a session that only evaluates gives.
 */
class SharedPlanArraysTest {
    private final DefaultTask task = new DefaultTask(0);
    private final GPT model = new GPT(new GptConfig(DefaultTask.VOCAB, 32, 2, 4, 4, DefaultTask.SEQUENCE,
            DefaultTask.VOCAB - 1));

    @Test
    void evaluationsBetweenStepsChangeNothing() {
        Batch train = task.train();
        List<Float> quietLosses = new ArrayList<>();
        Evaluation quietValidation;
        try (Nd4jTrainSession quiet = session()) {
            for (int t = 0; t < 6; t++) {
                quietLosses.add(quiet.step(train));
            }
            quietValidation = quiet.evaluate(task.validation());
        }
        List<Float> losses = new ArrayList<>();
        try (Nd4jTrainSession busy = session()) {
            for (int t = 0; t < 6; t++) {
                losses.add(busy.step(train));
                busy.evaluate(train);
                busy.evaluate(task.validation());
            }
            assertThat(losses).as("training losses with evaluations between the steps").isEqualTo(quietLosses);
            Evaluation validation = busy.evaluate(task.validation());
            assertThat(validation.loss()).isEqualTo(quietValidation.loss());
            assertThat(validation.correct()).isEqualTo(quietValidation.correct());
        }
    }

    private Nd4jTrainSession session() {
        return (Nd4jTrainSession) Nd4jTesting.backend().newTrainSession(model, WeightInit.initialWeights(model, 0),
                TrainSpec.defaults());
    }
}
