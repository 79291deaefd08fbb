package org.polygrok.api.tck.reference;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.tck.Close;
import org.polygrok.api.tck.ModelFixtures;
import org.polygrok.api.tck.ModelRunner;

/** The LSTM and the GPT run on ReferenceOps reproduce PyTorch's outputs of the kit's fixture. */
class ReferenceModelsTest {
    private final ReferenceOps ops = new ReferenceOps();

    @Test
    void lstmLogitsMatchPyTorch() {
        Map<String, HostArray> out = ModelRunner.forward(ops::run, ModelFixtures.lstm(), ModelFixtures.lstmWeights(),
                ModelFixtures.tokens());
        Close.assertClose("LSTM logits", Close.toDoubles(out.get(ModelRunner.LOGITS).floats()),
                Close.toDoubles(ModelFixtures.lstmLogits()), 1e-5, 1e-6);
    }

    @Test
    void gptLogitsAndHiddenStatesMatchPyTorch() {
        Map<String, HostArray> out = ModelRunner.forward(ops::run, ModelFixtures.gpt(), ModelFixtures.gptWeights(),
                ModelFixtures.tokens());
        Close.assertClose("GPT logits", Close.toDoubles(out.get(ModelRunner.LOGITS).floats()),
                Close.toDoubles(ModelFixtures.gptLogits()), 1e-5, 1e-6);
        Close.assertClose("GPT hidden states", Close.toDoubles(out.get(ModelOutput.HIDDEN_STATES).floats()),
                Close.toDoubles(ModelFixtures.gptHiddenStates()), 1e-5, 1e-6);
    }
}
