package org.polygrok.experiments.sweep.artefacts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Backends;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.io.Json;
import org.polygrok.experiments.metrics.MetricsRecord;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.Checkpoint;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrialConfig;
import org.polygrok.experiments.train.TrialDirectory;

/**
 * Q8: feeds the inputs of the first two training samples ({@code BOS a + b = r}, EOS excluded) to a
 * finished GPT trial's final weights and writes the attention weights (2, L, H, S, S) as
 * {@code attention.json} (docs/RESULTS.md).
 */
public final class AttentionMaps {
    public static final String FILE = "attention.json";
    /** How many training samples are shown. */
    public static final int SAMPLES = 2;

    private AttentionMaps() {
    }

    /** The file for {@code backend}: attention.json for the first backend, attention-&lt;backend&gt;.json for others. */
    public static Path file(Path experimentDir, String backend, boolean first) {
        return experimentDir.resolve(first ? FILE : "attention-" + backend + ".json");
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
                        config.trainSpec())) {
            attentions = session.forwardWithInternals(HostArray.ofInts(tokens, SAMPLES, s)) // (2, S)
                    .get(ModelOutput.ATTENTIONS); // (2, L, H, S, S)
        }
        if (attentions == null) {
            throw new IllegalStateException("the " + config.backend() + " backend returned no attention weights");
        }
        int layers = (int) attentions.shape()[1];
        int heads = (int) attentions.shape()[2];
        float[] w = attentions.toFloatArray();
        List<Map<String, Object>> samples = new ArrayList<>();
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
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("tokens", texts.get(b));
            sample.put("attentions", a);
            samples.add(sample);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model_trial", trial.id());
        out.put("backend", config.backend());
        out.put("layers", layers);
        out.put("heads", heads);
        out.put("samples", samples);
        Json.write(file, out);
        return dir.readMetrics().stream().mapToDouble(MetricsRecord::valAccuracy).max().orElse(0);
    }
}
