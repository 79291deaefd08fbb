package org.polygrok.api.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polygrok.api.Capability;
import org.polygrok.api.HostArray;
import org.polygrok.api.UnsupportedCapabilityException;
import org.polygrok.api.tck.TinyLanguageModel;
import org.polygrok.api.tck.TinyTask;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.TrainSpec;

/**
 * The skeleton every engine's session inherits, on a session whose "engine" is Java arrays: what
 * reaches the engine (flat vectors in layout order, step scalars of the right step), what never
 * does (anything that fails a check), the slot transposition and the open/closed state.
 */
class BaseTrainSessionTest {
    private static final TrainSpec ADAMW = new TrainSpec(OptimizerSpec.adamW(1e-2, 1.0), 1.0);
    private final TinyLanguageModel model = TinyTask.model();
    private final Map<String, HostArray> weights = TinyTask.weights(model, 1);
    private final Batch batch = TinyTask.batch();

    /** Keeps the flat vectors it is given; a "step" adds the step's first scalar to every weight. */
    private static final class ArraySession extends BaseTrainSession {
        float[] flatWeights;
        List<float[]> flatSlots;
        final List<float[]> scalarsSeen = new ArrayList<>();
        int uploads;
        boolean released;

        ArraySession(Set<Capability> capabilities, TinyLanguageModel model, Map<String, HostArray> weights) {
            super("arrays", capabilities, model, weights, ADAMW);
            start(weights);
        }

        @Override
        protected void upload(float[] w, List<float[]> slots) {
            uploads++;
            flatWeights = w.clone();
            if (slots != null) {
                flatSlots = slots.stream().map(float[]::clone).toList();
            }
        }

        @Override
        protected float trainStep(Batch batch, float[] stepScalars) {
            scalarsSeen.add(stepScalars);
            for (int i = 0; i < flatWeights.length; i++) {
                flatWeights[i] += stepScalars[0];
            }
            return 0.5f;
        }

        @Override
        protected Evaluation evaluateBatch(Batch batch) {
            return new Evaluation(new float[batch.size()], new float[batch.size()]);
        }

        @Override
        protected Map<String, HostArray> forward(HostArray tokens) {
            return Map.of();
        }

        @Override
        protected float[] downloadWeights() {
            return flatWeights.clone();
        }

        @Override
        protected List<float[]> downloadSlots() {
            return flatSlots.stream().map(float[]::clone).toList();
        }

        @Override
        protected void release() {
            released = true;
        }
    }

    private ArraySession session() {
        return new ArraySession(Set.of(Capability.OPTIMIZER_STATE, Capability.MODEL_INTERNALS), model, weights);
    }

    @Test
    void theEngineGetsFlatVectorsInParameterOrderAndZeroSlots() {
        ArraySession s = session();
        FlatLayout layout = new FlatLayout(model.namedParameters());
        assertThat(s.flatWeights).containsExactly(layout.join(weights));
        assertThat(s.flatSlots).hasSize(2); // AdamW: exp_avg, exp_avg_sq
        s.flatSlots.forEach(slot -> assertThat(slot).hasSize(layout.total()).containsOnly(0f));
        assertThat(s.weights()).containsExactlyEntriesOf(weights);
    }

    @Test
    void stepsAreCountedAndGetTheScalarsOfTheirStep() {
        ArraySession s = session();
        s.step(batch);
        s.step(batch);
        assertThat(s.stepsTaken()).isEqualTo(2);
        assertThat(s.scalarsSeen.get(1)).containsExactly(s.update().stepScalars(2));
        assertThat(s.scalarsSeen.get(0)).isNotEqualTo(s.scalarsSeen.get(1));
    }

    @Test
    void optimizerStateIsTransposedToNamesAndBackExactly() {
        ArraySession s = session();
        s.step(batch);
        FlatLayout layout = s.layout();
        float[] first = new float[layout.total()];
        float[] second = new float[layout.total()];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
            second[i] = -i;
        }
        s.flatSlots = List.of(first, second);
        OptimizerState state = s.optimizerState();
        assertThat(state.step()).isEqualTo(1);
        assertThat(state.slots().keySet()).containsExactlyElementsOf(model.namedParameters().keySet());
        String name = layout.name(1);
        assertThat(state.slots().get(name).get(0).floats()[0]).isEqualTo(layout.offset(1));
        assertThat(state.slots().get(name).get(1).floats()[0]).isEqualTo(-layout.offset(1));
        assertThat(state.slots().get(name).get(0).shape()).isEqualTo(layout.shape(1));

        ArraySession other = session();
        other.restore(s.weights(), state);
        assertThat(other.stepsTaken()).isEqualTo(1);
        assertThat(other.flatSlots.get(0)).containsExactly(first);
        assertThat(other.flatSlots.get(1)).containsExactly(second);
        assertThat(other.weights()).containsExactlyEntriesOf(s.weights());
    }

    @Test
    void restoreChecksEverythingBeforeTheEngineSeesIt() {
        ArraySession s = session();
        OptimizerState zero = s.optimizerState();
        int uploads = s.uploads;
        Map<String, HostArray> missing = new LinkedHashMap<>(weights);
        missing.remove("mix.bias");
        assertThatThrownBy(() -> s.restore(missing, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mix.bias");
        Map<String, List<HostArray>> shortSlots = new LinkedHashMap<>(zero.slots());
        shortSlots.put("head.bias", List.of(zero.slots().get("head.bias").get(0)));
        assertThatThrownBy(() -> s.restore(weights, new OptimizerState(0, shortSlots)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer state of 'head.bias' has 1 slots, expected [exp_avg, exp_avg_sq]");
        Map<String, List<HostArray>> misshapen = new LinkedHashMap<>(zero.slots());
        misshapen.put("head.bias", List.of(HostArray.zeros(3), HostArray.zeros(3)));
        assertThatThrownBy(() -> s.restore(weights, new OptimizerState(0, misshapen)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exp_avg of 'head.bias'");
        assertThatThrownBy(() -> s.restore(weights, new OptimizerState(-2, zero.slots())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative step -2");
        assertThat(s.uploads).as("nothing half-written").isEqualTo(uploads);
    }

    @Test
    void whatTheBackendDoesNotDeclareIsDeclined() {
        ArraySession s = new ArraySession(Set.of(), model, weights);
        assertThatThrownBy(s::optimizerState).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("OPTIMIZER_STATE");
        assertThatThrownBy(() -> s.forwardWithInternals(batch.tokens()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("MODEL_INTERNALS");
        assertThatThrownBy(() -> s.restore(weights, new OptimizerState(0, Map.of())))
                .isInstanceOf(UnsupportedCapabilityException.class);
    }

    @Test
    void aClosedSessionReleasesOnceAndRefusesEveryCall() {
        ArraySession s = session();
        OpenSessions open = new OpenSessions();
        open.add(s);
        open.closeAll();
        assertThat(s.released).isTrue();
        assertThat(s.isClosed()).isTrue();
        s.released = false;
        s.close();
        assertThat(s.released).as("released once").isFalse();
        assertThatThrownBy(() -> s.step(batch)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this arrays training session is closed");
        assertThatThrownBy(s::optimizerState).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::weights).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tokensMustBeIdsOfTheVocabularyShapedBatchBySequence() {
        ArraySession s = session();
        assertThatThrownBy(() -> s.forwardWithInternals(HostArray.ofInts(new int[] {1, 2}, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokens must be INT32 of shape (B, S)");
        assertThatThrownBy(() -> s.forwardWithInternals(HostArray.ofInts(new int[] {1, -1}, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token id -1 at flat index 1 is outside the vocabulary [0, 8)");
    }
}
