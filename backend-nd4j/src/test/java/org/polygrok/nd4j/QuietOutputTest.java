package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.HostArray;
import org.polygrok.api.tck.TinyLanguageModel;
import org.polygrok.api.tck.TinyTask;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/** SameDiff prints a line per differentiated op; none reaches stdout, other output still does. */
class QuietOutputTest {

    @Test
    void differentiatingPrintsNothingButOtherLinesStillPass() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Nd4jBackend backend = (Nd4jBackend) new Nd4jBackendProvider().create(new BackendOptions(1, false))) {
            backend.valueAndGradients((ops, in) -> ops.sumAll(ops.tanh(in.get(0))),
                    List.of(HostArray.of(new float[] {1, 2}, 2)));
            TinyLanguageModel model = TinyTask.model();
            try (TrainSession session = backend.newTrainSession(model, TinyTask.weights(model, 1), TrainSpec.defaults())) {
                session.step(TinyTask.batch());
            }
            QuietStdout.run(() -> System.out.println("a line of my own"));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain(QuietStdout.DIFFERENTIATION_LINE);
        assertThat(out).isEqualTo("a line of my own" + System.lineSeparator());
    }
}
