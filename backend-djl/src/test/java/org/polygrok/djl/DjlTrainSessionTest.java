package org.polygrok.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.HostArray;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/** Training a tiny model eagerly: loss falls, state round-trips, native memory stays flat. */
class DjlTrainSessionTest {
    private static final int VOCAB = 7;
    private static DjlBackend backend;

    @BeforeAll
    static void open() {
        backend = (DjlBackend) new DjlBackendProvider().create(new BackendOptions(1, false));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** Every sequence 0..5 shifted by b; the target is the next token mod VOCAB; the last two positions count. */
    static Batch successorBatch(int size) {
        int seq = 4;
        int[] tokens = new int[size * seq];
        int[] targets = new int[size * seq];
        float[] weights = new float[size * seq];
        for (int b = 0; b < size; b++) {
            for (int s = 0; s < seq; s++) {
                int t = (b + s) % VOCAB;
                tokens[b * seq + s] = t;
                targets[b * seq + s] = (t + 1) % VOCAB;
                weights[b * seq + s] = s >= seq - 2 ? 1 : 0;
            }
        }
        return new Batch(HostArray.ofInts(tokens, size, seq), HostArray.ofInts(targets, size, seq),
                HostArray.of(weights, size, seq));
    }

    private static TrainSession newSession(TinyModel model) {
        return backend.newTrainSession(model, model.initialWeights(7), TrainSpec.defaults());
    }

    @Test
    void lossFallsAndTheModelLearnsTheTask() {
        TinyModel model = new TinyModel(VOCAB, 16);
        Batch batch = successorBatch(14);
        TrainSpec fast = new TrainSpec(OptimizerSpec.adamW(0.02, 0.01), 1.0);
        try (TrainSession session = backend.newTrainSession(model, model.initialWeights(7), fast)) {
            float first = session.step(batch);
            float last = first;
            for (int i = 0; i < 150; i++) {
                last = session.step(batch);
            }
            assertThat(session.stepsTaken()).isEqualTo(151);
            assertThat(last).isLessThan(first / 4);
            Evaluation eval = session.evaluate(batch);
            assertThat(eval.loss()).hasSize(14);
            assertThat(eval.correct()).containsOnly(1f);
            float mean = 0;
            for (float l : eval.loss()) {
                mean += l / eval.loss().length;
            }
            assertThat(mean).isLessThan(last); // evaluated after one more update than the last step's loss
        }
    }

    @Test
    void evaluationMatchesTheStepLossAndDoesNotTrain() {
        TinyModel model = new TinyModel(VOCAB, 8);
        Batch batch = successorBatch(5);
        try (TrainSession session = newSession(model)) {
            Evaluation before = session.evaluate(batch);
            Map<String, HostArray> weights = session.weights();
            assertThat(session.evaluate(batch).loss()).containsExactly(before.loss());
            assertThat(session.weights()).isEqualTo(weights);
            float mean = 0;
            for (float l : before.loss()) {
                mean += l / before.loss().length;
            }
            assertThat(session.step(batch)).isCloseTo(mean, within(1e-5f));
            assertThat(session.weights().get("weight")).isNotEqualTo(weights.get("weight"));
        }
    }

    @Test
    void forwardWithInternalsReturnsLogitsAndInternals() {
        TinyModel model = new TinyModel(VOCAB, 8);
        try (TrainSession session = newSession(model)) {
            Map<String, HostArray> out = session.forwardWithInternals(successorBatch(3).tokens());
            assertThat(out.keySet()).containsExactly("logits", "hidden");
            assertThat(out.get("logits").shape()).containsExactly(3, 4, VOCAB);
            assertThat(out.get("hidden").shape()).containsExactly(3, 4, 8);
        }
    }

    @Test
    void weightsAndOptimizerStateRoundTrip() {
        TinyModel model = new TinyModel(VOCAB, 8);
        Batch batch = successorBatch(6);
        try (TrainSession a = newSession(model); TrainSession b = newSession(model)) {
            for (int i = 0; i < 5; i++) {
                a.step(batch);
            }
            OptimizerState state = a.optimizerState();
            assertThat(state.step()).isEqualTo(5);
            assertThat(state.slots().get("bias")).hasSize(2);
            b.restore(a.weights(), state);
            assertThat(b.stepsTaken()).isEqualTo(5);
            for (int i = 0; i < 3; i++) {
                assertThat(b.step(batch)).isEqualTo(a.step(batch));
            }
            assertThat(b.weights()).isEqualTo(a.weights());
        }
    }

    @Test
    void aFailedStepLeavesTheSessionAndTheGradientCollectorUsable() {
        TinyModel model = new TinyModel(VOCAB, 8);
        Batch good = successorBatch(4);
        int[] tokens = good.tokens().ints().clone();
        tokens[0] = VOCAB + 5; // not a token id: the engine's embedding lookup fails
        Batch bad = new Batch(HostArray.ofInts(tokens, 4, 4), good.targets(), good.rhsWeights());
        try (TrainSession session = newSession(model)) {
            Map<String, HostArray> before = session.weights();
            assertThatThrownBy(() -> session.step(bad)).isInstanceOf(RuntimeException.class);
            assertThat(session.stepsTaken()).isZero();
            assertThat(session.weights()).isEqualTo(before);
            assertThat(session.step(good)).isPositive();
            assertThat(session.stepsTaken()).isEqualTo(1);
        }
    }

    @Test
    void badWeightsGetOneClearSentence() {
        TinyModel model = new TinyModel(VOCAB, 8);
        Map<String, HostArray> weights = new java.util.LinkedHashMap<>(model.initialWeights(1));
        weights.put("bias", HostArray.zeros(3));
        assertThatThrownBy(() -> backend.newTrainSession(model, weights, TrainSpec.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias");
    }

    @Test
    void nativeMemoryStaysFlatOverManySteps() throws IOException {
        TinyModel model = new TinyModel(VOCAB, 64);
        Batch batch = successorBatch(256);
        try (TrainSession session = newSession(model)) {
            for (int i = 0; i < 20; i++) {
                session.step(batch);
                session.evaluate(batch);
            }
            int arrays = liveArrays();
            long rss = residentKiB();
            for (int i = 0; i < 300; i++) {
                session.step(batch);
                session.evaluate(batch);
            }
            assertThat(liveArrays()).isEqualTo(arrays);
            // each step allocates ~100 arrays of ~0.5 MB; a leak of them would add hundreds of MB
            assertThat(residentKiB() - rss).isLessThan(64 * 1024);
        }
    }

    private static int liveArrays() {
        try (NDManager probe = Engine.getEngine("PyTorch").newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size(); // the system manager: every live array
        }
    }

    private static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
