package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Capability;
import org.polygrok.api.HostArray;
import org.polygrok.api.UnsupportedCapabilityException;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTrainer;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * Each {@link Capability}: exercised when the backend declares it, and refused with
 * {@link UnsupportedCapabilityException} when it does not. Nothing is skipped.
 */
public abstract class CapabilitiesContract extends BackendContract {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Capability.class)
    void aCapabilityWorksWhenDeclaredAndIsRefusedOtherwise(Capability capability) {
        boolean declared = backend().capabilities().contains(capability);
        switch (capability) {
            case MODEL_INTERNALS -> {
                if (declared) {
                    checkModelInternals();
                } else {
                    try (TrainSession session = newSession()) {
                        assertThatThrownBy(() -> session.forwardWithInternals(TinyTask.batch().tokens()))
                                .isInstanceOf(UnsupportedCapabilityException.class);
                    }
                }
            }
            case OPTIMIZER_STATE -> {
                if (declared) {
                    checkOptimizerState();
                } else {
                    try (TrainSession session = newSession()) {
                        assertThatThrownBy(session::optimizerState).isInstanceOf(UnsupportedCapabilityException.class);
                    }
                }
            }
            case THREAD_CONTROL -> {
                BackendOptions oneThread = new BackendOptions(1, false);
                if (declared) {
                    checkOneThread(oneThread);
                } else {
                    assertThatThrownBy(() -> provider().create(oneThread).close())
                            .isInstanceOf(UnsupportedCapabilityException.class);
                }
            }
            default -> throw new AssertionError("the kit has no check for capability " + capability);
        }
    }

    private TrainSession newSession() {
        TinyLanguageModel model = TinyTask.model();
        return backend().newTrainSession(model, TinyTask.weights(model, 1), TrainSpec.defaults());
    }

    /** "logits" and the model's internals equal the reference forward pass. */
    private void checkModelInternals() {
        TinyLanguageModel model = TinyTask.model();
        Map<String, HostArray> weights = TinyTask.weights(model, 1);
        HostArray tokens = TinyTask.batch().tokens();
        Map<Parameter, HostArray> bound = new java.util.IdentityHashMap<>();
        model.namedParameters().forEach((name, p) -> bound.put(p, weights.get(name)));
        ReferenceOps ops = new ReferenceOps(bound);
        ModelOutput expected = model.forward(ops, ops.constant(tokens));
        try (TrainSession session = backend().newTrainSession(model, weights, TrainSpec.defaults())) {
            Map<String, HostArray> actual = session.forwardWithInternals(tokens);
            assertThat(actual.keySet()).containsExactlyInAnyOrder("logits", ModelOutput.HIDDEN_STATES);
            Close.assertClose("logits", actual.get("logits"), expected.logits().toHostArray(), 1e-5, 1e-5);
            Close.assertClose(ModelOutput.HIDDEN_STATES, actual.get(ModelOutput.HIDDEN_STATES),
                    expected.internals().get(ModelOutput.HIDDEN_STATES).toHostArray(), 1e-5, 1e-5);
        }
    }

    /** After two AdamW steps the state equals the reference trainer's exp_avg and exp_avg_sq, and restores exactly. */
    private void checkOptimizerState() {
        TinyLanguageModel model = TinyTask.model();
        Map<String, HostArray> weights = TinyTask.weights(model, 1);
        Batch batch = TinyTask.batch();
        TrainSpec spec = TrainSpec.defaults();
        ReferenceTrainer reference = new ReferenceTrainer(model, weights, spec);
        OptimizerState state;
        try (TrainSession session = backend().newTrainSession(model, weights, spec)) {
            for (int i = 0; i < 2; i++) {
                session.step(batch);
                reference.step(batch);
            }
            state = session.optimizerState();
        }
        assertThat(state.step()).isEqualTo(2);
        assertThat(state.slots().keySet()).containsExactlyElementsOf(model.namedParameters().keySet());
        Map<String, List<double[]>> expected = reference.optimizerState();
        expected.forEach((name, slots) -> {
            assertThat(state.slots().get(name)).as("slots of %s", name).hasSize(slots.size());
            for (int s = 0; s < slots.size(); s++) {
                HostArray a = state.slots().get(name).get(s);
                assertThat(a.shape()).as("slot %d of %s", s, name).containsExactly(model.namedParameters().get(name).shape());
                Close.assertClose("slot " + s + " of " + name, Close.toDoubles(a.floats()), slots.get(s), 1e-4,
                        1e-4 * Math.max(1e-3, Close.maxAbs(slots.get(s))));
            }
        });
        try (TrainSession restored = backend().newTrainSession(model, weights, spec)) {
            restored.restore(weights, state);
            OptimizerState back = restored.optimizerState();
            assertThat(back.step()).isEqualTo(2);
            state.slots().forEach((name, slots) -> assertThat(back.slots().get(name)).as(name).isEqualTo(slots));
        }
    }

    /** A backend created with one thread works and computes the same values. */
    private void checkOneThread(BackendOptions oneThread) {
        HostArray a = TestArrays.normal(1, 3, 4);
        HostArray b = TestArrays.normal(2, 4, 2);
        try (Backend single = provider().create(oneThread)) {
            List<HostArray> out = single.run((o, x) -> List.of(o.matmul(x.get(0), x.get(1))), List.of(a, b));
            List<HostArray> expected = new ReferenceOps().run((o, x) -> List.of(o.matmul(x.get(0), x.get(1))),
                    List.of(a, b));
            Close.assertClose("matmul on one thread", out.get(0), expected.get(0), 1e-5, 1e-5);
        }
    }
}
