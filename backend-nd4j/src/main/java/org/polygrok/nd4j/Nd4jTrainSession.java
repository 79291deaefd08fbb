package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.SessionInputs;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * A training session on SameDiff: the model, loss and gradients traced once per (B, S) input
 * shape ({@link ModelGraph}), the api's clipping + optimizer update traced once over flat vectors
 * ({@link UpdateGraph}). Weights, gradients and optimizer slots each live in one flat ND4J vector
 * that is reused every step.
 */
public final class Nd4jTrainSession implements TrainSession {
    /**
     * Input shapes and scored windows whose traced graphs are kept (train, train-eval, val and the
     * forward pass need at most four).
     */
    private static final int MAX_GRAPHS = 8;

    private final LanguageModel model;
    private final FlatLayout layout;
    private final ParameterUpdate update;
    private final INDArray weights;
    private final INDArray gradient;
    private final List<INDArray> slots = new ArrayList<>();
    private final List<INDArray> weightViews;
    private final Map<List<Long>, ModelGraph> graphs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Long>, ModelGraph> eldest) {
            if (size() > MAX_GRAPHS) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private final Consumer<Nd4jTrainSession> onClose;
    private UpdateGraph updateGraph;
    private long steps;
    private boolean closed;

    Nd4jTrainSession(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec,
            Consumer<Nd4jTrainSession> onClose) {
        SessionInputs.checkWeights(model, initialWeights);
        this.model = model;
        this.layout = new FlatLayout(model.namedParameters());
        this.update = new ParameterUpdate(spec);
        this.onClose = onClose;
        this.weights = layout.zeros();
        this.gradient = layout.zeros();
        for (int i = 0; i < update.slotNames().size(); i++) {
            slots.add(layout.zeros());
        }
        this.weightViews = layout.views(weights);
        layout.load(weights, initialWeights);
    }

    @Override
    public float step(Batch batch) {
        checkOpen();
        ModelGraph graph = graphFor(checked(batch).tokens(), batch.firstScoredPosition());
        float loss = graph.lossAndGradients(batch, gradient);
        if (updateGraph == null) {
            updateGraph = new UpdateGraph(update, layout.size());
        }
        updateGraph.apply(steps + 1, weights, gradient, slots);
        steps++;
        return loss;
    }

    @Override
    public long stepsTaken() {
        return steps;
    }

    @Override
    public Evaluation evaluate(Batch batch) {
        checkOpen();
        return graphFor(checked(batch).tokens(), batch.firstScoredPosition()).evaluate(batch);
    }

    @Override
    public Map<String, HostArray> forwardWithInternals(HostArray tokens) {
        checkOpen();
        if (tokens.rank() != 2 || tokens.dtype() != DType.INT32) {
            throw new IllegalArgumentException("tokens must be INT32 of shape (B, S), got " + tokens.dtype() + " "
                    + Arrays.toString(tokens.shape()));
        }
        return graphFor(tokens, 0).forward(tokens);
    }

    @Override
    public Map<String, HostArray> weights() {
        checkOpen();
        return layout.export(weights);
    }

    @Override
    public OptimizerState optimizerState() {
        checkOpen();
        List<Map<String, HostArray>> perSlot = slots.stream().map(layout::export).toList();
        Map<String, List<HostArray>> state = new LinkedHashMap<>();
        for (int i = 0; i < layout.count(); i++) {
            String name = layout.name(i);
            state.put(name, perSlot.stream().map(m -> m.get(name)).toList());
        }
        return new OptimizerState(steps, state);
    }

    @Override
    public void restore(Map<String, HostArray> newWeights, OptimizerState state) {
        checkOpen();
        SessionInputs.checkWeights(model, newWeights);
        if (state != null) {
            SessionInputs.checkOptimizerState(model, update.slotNames(), state);
        }
        layout.load(weights, newWeights);
        if (state != null) {
            for (int s = 0; s < slots.size(); s++) {
                Map<String, HostArray> values = new LinkedHashMap<>();
                for (Map.Entry<String, List<HostArray>> e : state.slots().entrySet()) {
                    values.put(e.getKey(), e.getValue().get(s));
                }
                layout.load(slots.get(s), values);
            }
            steps = state.step();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        graphs.values().forEach(ModelGraph::close);
        graphs.clear();
        if (updateGraph != null) {
            updateGraph.close();
            updateGraph = null;
        }
        weights.close();
        gradient.close();
        slots.forEach(INDArray::close);
        onClose.accept(this);
    }

    /** Bytes of the arrays the compiled graphs own (for memory checks). */
    long graphBytes() {
        return graphs.values().stream().mapToLong(ModelGraph::bytes).sum()
                + (updateGraph == null ? 0 : updateGraph.bytes());
    }

    private static Batch checked(Batch batch) {
        require(batch.tokens(), DType.INT32, "tokens");
        require(batch.targets(), DType.INT32, "targets");
        require(batch.rhsWeights(), DType.FLOAT32, "rhsWeights");
        return batch;
    }

    private static void require(HostArray a, DType dtype, String what) {
        if (a.dtype() != dtype) {
            throw new IllegalArgumentException("batch " + what + " must be " + dtype + ", got " + a.dtype());
        }
    }

    /** The graph of one batch shape whose loss reads positions {@code first}..S−1. */
    private ModelGraph graphFor(HostArray tokens, int first) {
        long[] shape = tokens.shape();
        return graphs.computeIfAbsent(List.of(shape[0], shape[1], (long) first),
                k -> new ModelGraph(model, layout, weightViews, shape[0], shape[1], first));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this nd4j training session is closed");
        }
    }
}
