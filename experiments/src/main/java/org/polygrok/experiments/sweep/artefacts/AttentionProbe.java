package org.polygrok.experiments.sweep.artefacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Backends;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.Checkpoint;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.AttentionMaps;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;

/**
 * Q8: feeds the inputs of the first two training samples ({@code BOS a + b = r}, EOS excluded) to a
 * finished GPT trial's final weights and writes the attention weights (2, L, H, S, S) as
 * {@code attention.json} (docs/RESULTS.md).
 */
public final class AttentionProbe {
    /** How many training samples are shown. */
    public static final int SAMPLES = 2;

    private AttentionProbe() {
    }

    /**
     * Computes the maps of {@code trial} (DONE, with its final checkpoint) and writes them to {@code file}.
     *
     * @return the trial's best validation accuracy, to tell whether it generalised
     */
    public static double write(SweepTrial trial, int threads, Path file) {
        TrialDirectory dir = trial.directory();
        TrialConfig config = dir.readConfig();
        PreparedTrial prepared = PreparedTrial.prepare(config);
        Checkpoint checkpoint = dir.loadCheckpoint().orElseThrow(() -> new IllegalStateException(
                "the trial " + trial.id() + " has no checkpoint to read its weights from"));
        SampleSet train = prepared.dataset().train();
        int s = train.sequenceLength(); // the inputs BOS a + b = r: the full row without its EOS
        int[] tokens = new int[SAMPLES * s];
        List<List<String>> texts = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            int[] in = train.inputs(i);
            System.arraycopy(in, 0, tokens, i * s, s);
            List<String> words = new ArrayList<>();
            for (int j = 0; j < s; j++) {
                words.add(prepared.dataset().vocabulary().token(in[j]));
            }
            texts.add(words);
        }
        HostArray attentions;
        try (Backend backend = Backends.select(config.backend()).create(new BackendOptions(threads, false));
                TrainSession session = backend.newTrainSession(prepared.model(), checkpoint.weights(),
                        TrialSpecs.train(config))) {
            attentions = session.forwardWithInternals(HostArray.ofInts(tokens, SAMPLES, s)) // (2, S)
                    .get(ModelOutput.ATTENTIONS); // (2, L, H, S, S)
        }
        if (attentions == null) {
            throw new IllegalStateException("the " + config.backend() + " backend returned no attention weights");
        }
        int layers = (int) attentions.shape()[1];
        int heads = (int) attentions.shape()[2];
        float[] w = attentions.toFloatArray();
        List<AttentionMaps.Sample> samples = new ArrayList<>();
        for (int b = 0; b < SAMPLES; b++) {
            double[][][][] a = new double[layers][heads][s][s];
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    for (int q = 0; q < s; q++) {
                        for (int k = 0; k < s; k++) {
                            a[l][h][q][k] = w[(((b * layers + l) * heads + h) * s + q) * s + k];
                        }
                    }
                }
            }
            samples.add(new AttentionMaps.Sample(texts.get(b), a));
        }
        new AttentionMaps(trial.id(), config.backend(), layers, heads, samples).write(file);
        return dir.readMetrics().stream().mapToDouble(MetricsRecord::valAccuracy).max().orElse(0);
    }
}
