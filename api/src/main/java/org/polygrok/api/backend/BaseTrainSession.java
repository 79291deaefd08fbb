package org.polygrok.api.backend;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polygrok.api.Backend;
import org.polygrok.api.Capability;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.UnsupportedCapabilityException;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.SessionInputs;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * The part of a {@link TrainSession} that is the same on every engine, as Keras 3's
 * {@code BaseTrainer} is for its {@code TorchTrainer} and {@code TensorFlowTrainer}: it checks what
 * it is given (weights, optimizer state, batches, tokens) with one clear sentence, refuses every
 * call once closed, counts steps, declines what the backend's capabilities leave out, keeps the
 * weights and each optimizer slot in one {@link FlatLayout} and turns them into named arrays and
 * {@link OptimizerState}s. A subclass supplies the engine: {@link #upload}, {@link #trainStep},
 * {@link #evaluateBatch}, {@link #forward}, {@link #downloadWeights}, {@link #downloadSlots} and
 * {@link #release}. Its constructor creates its storage and then calls {@link #start}.
 *
 * <p>Every public method is synchronized: a session is one engine state and runs one call at a time.
 */
public abstract class BaseTrainSession implements TrainSession {
    private final String backendName;
    private final Set<Capability> capabilities;
    private final LanguageModel model;
    private final ParameterUpdate update;
    private final FlatLayout layout;
    private long steps;
    private boolean closed;

    /**
     * Checks the initial weights; the subclass then creates its storage and calls {@link #start}.
     *
     * @param backend the backend's name and capabilities, for errors and for what this session declines
     */
    protected BaseTrainSession(Backend backend, LanguageModel model, Map<String, HostArray> initialWeights,
            TrainSpec spec) {
        this(backend.name(), backend.capabilities(), model, initialWeights, spec);
    }

    protected BaseTrainSession(String backendName, Set<Capability> capabilities, LanguageModel model,
            Map<String, HostArray> initialWeights, TrainSpec spec) {
        SessionInputs.checkWeights(model, initialWeights);
        this.backendName = backendName;
        this.capabilities = Set.copyOf(capabilities);
        this.model = model;
        this.update = new ParameterUpdate(spec);
        this.layout = new FlatLayout(model.namedParameters());
    }

    // ---------------------------------------------------------------- what the engine supplies

    /**
     * Replaces the weights with {@code weights} (N) and, when {@code slots} is not null, every
     * optimizer slot with its flat (N) vector, in {@link ParameterUpdate#slotNames()} order.
     */
    protected abstract void upload(float[] weights, List<float[]> slots);

    /**
     * One step on a checked batch: forward, loss, the engine's backward, then
     * {@link ParameterUpdate} with these step scalars; returns the batch's mean loss before the update.
     */
    protected abstract float trainStep(Batch batch, float[] stepScalars);

    /** Per-sample loss and correctness of a checked batch, without gradients. */
    protected abstract Evaluation evaluateBatch(Batch batch);

    /** The forward pass on checked tokens (B, S): {@link ModelOutput#named()}'s outputs, copied back. */
    protected abstract Map<String, HostArray> forward(HostArray tokens);

    /** The current weights, flat (N). */
    protected abstract float[] downloadWeights();

    /** The current optimizer slots, one flat (N) vector each, in slot order. */
    protected abstract List<float[]> downloadSlots();

    /** Frees the engine's resources; called once, by the first {@link #close()}. */
    protected abstract void release();

    // ---------------------------------------------------------------- for the subclass

    /** Loads the initial weights and zero optimizer slots; the last line of a subclass's constructor. */
    protected final void start(Map<String, HostArray> initialWeights) {
        upload(layout.join(initialWeights), layout.zeroSlots(update.slotNames().size()));
    }

    protected final LanguageModel model() {
        return model;
    }

    protected final ParameterUpdate update() {
        return update;
    }

    protected final FlatLayout layout() {
        return layout;
    }

    /** Whether {@link #close()} has been called. */
    public final synchronized boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- TrainSession

    @Override
    public final synchronized float step(Batch batch) {
        checkOpen();
        checkBatch(batch);
        float loss = trainStep(batch, update.stepScalars(steps + 1));
        steps++;
        return loss;
    }

    @Override
    public final synchronized long stepsTaken() {
        return steps;
    }

    @Override
    public final synchronized Evaluation evaluate(Batch batch) {
        checkOpen();
        checkBatch(batch);
        return evaluateBatch(batch);
    }

    @Override
    public final synchronized Map<String, HostArray> forwardWithInternals(HostArray tokens) {
        checkOpen();
        require(Capability.MODEL_INTERNALS);
        if (tokens.rank() != 2 || tokens.dtype() != DType.INT32) {
            throw new IllegalArgumentException("tokens must be INT32 of shape (B, S), got " + tokens);
        }
        checkIds("token", tokens);
        return forward(tokens);
    }

    @Override
    public final synchronized Map<String, HostArray> weights() {
        checkOpen();
        return layout.split(downloadWeights());
    }

    @Override
    public final synchronized OptimizerState optimizerState() {
        checkOpen();
        require(Capability.OPTIMIZER_STATE);
        return layout.state(steps, downloadSlots());
    }

    @Override
    public final synchronized void restore(Map<String, HostArray> weights, OptimizerState state) {
        checkOpen();
        SessionInputs.checkWeights(model, weights);
        if (state != null) {
            require(Capability.OPTIMIZER_STATE);
            SessionInputs.checkOptimizerState(model, update.slotNames(), state);
        }
        upload(layout.join(weights), state == null ? null : layout.joinSlots(state, update.slotNames().size()));
        if (state != null) {
            steps = state.step();
        }
    }

    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    // ---------------------------------------------------------------- checks

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this " + backendName + " training session is closed");
        }
    }

    private void require(Capability capability) {
        if (!capabilities.contains(capability)) {
            throw new UnsupportedCapabilityException(backendName, capability);
        }
    }

    /** INT32 tokens and targets inside the vocabulary (an engine might one-hot a stray id to zeros), FLOAT32 weights. */
    private void checkBatch(Batch batch) {
        requireType("batch tokens", batch.tokens(), DType.INT32);
        requireType("batch targets", batch.targets(), DType.INT32);
        requireType("batch rhsWeights", batch.rhsWeights(), DType.FLOAT32);
        checkIds("token", batch.tokens());
        checkIds("target", batch.targets());
    }

    private static void requireType(String what, HostArray a, DType dtype) {
        if (a.dtype() != dtype) {
            throw new IllegalArgumentException(what + " must be " + dtype + ", got " + a.dtype());
        }
    }

    /** INT32 ids inside [0, V). */
    private void checkIds(String what, HostArray ids) {
        int vocabSize = model.vocabSize();
        int[] values = ids.ints();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= vocabSize) {
                throw new IllegalArgumentException(what + " id " + values[i] + " at flat index " + i
                        + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
    }
}
