package org.example;

import java.nio.file.Path;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Backends;
import org.polygrok.api.HostArray;
import org.polygrok.api.io.SafeTensors;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/** README.md's "Using the api" snippet, as written there (between the markers), in a project outside polygrok. */
public final class TrainGpt {
    private TrainGpt() {
    }

    public static void main(String[] args) throws Exception {
        // README: begin
        var gpt = new GPT(GptConfig.defaults(36, 6));                       // V = 36 (p = 31), S = 6
        var weights = WeightInit.initialWeights(gpt, 42);                   // the same on every engine
        var tokens = HostArray.ofInts(new int[] {33, 3, 31, 4, 32, 7}, 1, 6);   // (B, S) = (1, 6): "BOS 3 + 4 = 7"
        var targets = HostArray.ofInts(new int[] {3, 31, 4, 32, 7, 7}, 1, 6);   // the next token at each position
        var rhsWeights = HostArray.of(new float[] {0, 0, 0, 0, 1, 0}, 1, 6);    // the loss counts the answer only
        try (Backend backend = Backends.select(null).create(BackendOptions.defaults());
             TrainSession session = backend.newTrainSession(gpt, weights, TrainSpec.defaults())) {
            Batch batch = new Batch(tokens, targets, rhsWeights);
            for (int step = 0; step < 100; step++) {
                System.out.println(session.step(batch));                    // AdamW + clipping, as torch
            }
            SafeTensors.write(Path.of("gpt.safetensors"), session.weights()); // loads in PyTorch too
        }
        // README: end
    }
}
