package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.TrainSpec;

/** Training and evaluating for hundreds of steps allocates nothing new after the first and keeps RSS flat. */
class MemoryTest {

    @Test
    void memoryStaysFlatOverHundredsOfSteps() throws IOException {
        DefaultTask task = new DefaultTask(0);
        Batch train = task.train();
        GPT model = new GPT(new GptConfig(DefaultTask.VOCAB, 32, 2, 4, 4, DefaultTask.SEQUENCE, DefaultTask.VOCAB - 1));
        try (Nd4jBackend backend = (Nd4jBackend) new Nd4jBackendProvider().create(new BackendOptions(2, false));
                Nd4jTrainSession session = (Nd4jTrainSession) backend.newTrainSession(model,
                        WeightInit.initialWeights(model, 0), TrainSpec.defaults())) {
            long graphBytes = 0;
            long rssAfterWarmUp = 0;
            for (int t = 1; t <= 400; t++) {
                session.step(train);
                if (t % 100 == 0) {
                    session.evaluate(train);
                    session.evaluate(task.validation());
                }
                if (t == 100) {
                    graphBytes = session.graphBytes();
                    rssAfterWarmUp = residentMegabytes();
                }
            }
            assertThat(graphBytes).as("arrays created by the first 100 steps").isPositive();
            assertThat(session.graphBytes()).as("arrays created after 400 steps").isEqualTo(graphBytes);
            assertThat(residentMegabytes() - rssAfterWarmUp).as("RSS growth (MB) from step 100 to 400").isLessThan(150);
        }
    }

    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
