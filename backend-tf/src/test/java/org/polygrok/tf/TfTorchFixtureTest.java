package org.polygrok.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.tck.ModelFixtures;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/** Both models with PyTorch's initial weights give PyTorch's outputs (the kit's torch fixture). */
class TfTorchFixtureTest {

    @Test
    void lstmLogitsMatchPyTorch() {
        try (TrainSession s = TfTesting.backend().newTrainSession(ModelFixtures.lstm(), ModelFixtures.lstmWeights(),
                TrainSpec.defaults())) {
            Map<String, HostArray> out = s.forwardWithInternals(ModelFixtures.tokens());
            assertThat(out.get("logits").floats()).containsExactly(ModelFixtures.lstmLogits(), within(1e-5f));
        }
    }

    @Test
    void gptLogitsAndHiddenStatesMatchPyTorch() {
        try (TrainSession s = TfTesting.backend().newTrainSession(ModelFixtures.gpt(), ModelFixtures.gptWeights(),
                TrainSpec.defaults())) {
            Map<String, HostArray> out = s.forwardWithInternals(ModelFixtures.tokens());
            assertThat(out.get("logits").floats()).containsExactly(ModelFixtures.gptLogits(), within(1e-5f));
            assertThat(out.get(ModelOutput.HIDDEN_STATES).floats())
                    .containsExactly(ModelFixtures.gptHiddenStates(), within(1e-5f));
        }
    }
}
