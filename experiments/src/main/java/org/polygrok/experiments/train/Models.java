package org.polygrok.experiments.train;

import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.experiments.data.ArithmeticDataset;
import org.polygrok.plotting.results.TrialConfig;

/** Builds a trial's model for its dataset (vocabulary, sequence length, PAD id). */
public final class Models {
    private Models() {
    }

    public static LanguageModel create(TrialConfig config, ArithmeticDataset dataset) {
        if (config.dropout() != 0.0) {
            throw new IllegalArgumentException("dropout must be 0 (the polygrok models have no dropout, and no "
                    + "experiment uses it), got " + config.dropout());
        }
        int vocab = dataset.vocabulary().size();
        int pad = dataset.vocabulary().padId();
        return switch (TrialSpecs.model(config)) {
            case LSTM -> new LSTMLM(new LstmConfig(vocab, config.dim(), config.layers(), pad));
            case GPT -> new GPT(new GptConfig(vocab, config.dim(), config.layers(), config.heads(), config.multiplier(),
                    dataset.sequenceLength(), pad));
        };
    }
}
