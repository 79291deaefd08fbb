package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polygrok.api.HostArray;
import org.polygrok.api.backend.BaseTrainSession;
import org.polygrok.api.backend.SmallBatchThreads;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.TrainSpec;

/**
 * A training session on SameDiff: the model, loss and gradients traced once per (B, S) input
 * shape ({@link ModelGraph}), then the api's clipping + optimizer update as one Java pass over the
 * flat vectors ({@link HostUpdate}). Weights, gradients and optimizer slots each live in one flat
 * ND4J vector that is reused every step.
 */
public final class Nd4jTrainSession extends BaseTrainSession {
    /**
     * Input shapes and scored windows whose traced graphs are kept (train, train-eval, val and the
     * forward pass need at most four).
     */
    private static final int MAX_GRAPHS = 8;

    private final Nd4jFlatViews flat;
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
    private final HostUpdate hostUpdate;
    /**
     * The intermediate arrays of every plan of this session: plans run one at a time and their outputs
     * are read at once, so an evaluation plan computes in the arrays the training plan holds nothing in
     * between steps ({@link FreeList#shared()}).
     */
    private final FreeList planArrays = FreeList.shared();

    Nd4jTrainSession(Nd4jBackend backend, LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec) {
        super(backend, model, initialWeights, spec);
        this.flat = new Nd4jFlatViews(layout());
        this.weights = flat.zeros();
        this.gradient = flat.zeros();
        for (int i = 0; i < update().slotNames().size(); i++) {
            slots.add(flat.zeros());
        }
        this.weightViews = flat.views(weights);
        this.hostUpdate = new HostUpdate(update(), weights, gradient, slots);
        start(initialWeights);
    }

    /**
     * One step; batches of up to {@link SmallBatchThreads#ONE_THREAD_MAX_ROWS} rows run every op on
     * the calling thread ({@link OpThreads} already keeps small ops there; this also keeps the few
     * large products; the update is always on the calling thread). Measured on 2 busy cores, paired
     * runs, ms per step two threads -> one: B = 32 LSTM 12.1 -> 12.1 and 12.1 -> 11.0, GPT 14.3 -> 14.1 and 15.4 -> 13.5; B = 64
     * LSTM 17.3 -> 16.3 and 18.5 -> 15.8, GPT 23.7 -> 22.0 and 25.3 -> 22.9.
     */
    @Override
    protected float trainStep(Batch batch, float[] stepScalars) {
        ModelGraph graph = graphFor(batch.tokens(), batch.firstScoredPosition());
        int threads = SmallBatchThreads.threadsForBatch(Nd4jEngine.configuredThreads(), batch.tokens().shape()[0]);
        float loss = graph.lossAndGradients(batch, gradient, threads);
        hostUpdate.apply(stepsTaken() + 1);
        return loss;
    }

    @Override
    protected Evaluation evaluateBatch(Batch batch) {
        return graphFor(batch.tokens(), batch.firstScoredPosition()).evaluate(batch);
    }

    @Override
    protected Map<String, HostArray> forward(HostArray tokens) {
        return graphFor(tokens, 0).forward(tokens);
    }

    @Override
    protected void upload(float[] flatWeights, List<float[]> flatSlots) {
        Nd4jFlatViews.load(weights, flatWeights);
        if (flatSlots != null) {
            for (int s = 0; s < slots.size(); s++) {
                Nd4jFlatViews.load(slots.get(s), flatSlots.get(s));
            }
        }
    }

    @Override
    protected float[] downloadWeights() {
        return weights.toFloatVector();
    }

    @Override
    protected List<float[]> downloadSlots() {
        return slots.stream().map(INDArray::toFloatVector).toList();
    }

    @Override
    protected void release() {
        graphs.values().forEach(ModelGraph::close);
        graphs.clear();
        planArrays.close();
        weights.close();
        gradient.close();
        slots.forEach(INDArray::close);
    }

    /** Bytes of the arrays the compiled graphs own (for memory checks). */
    long graphBytes() {
        return graphs.values().stream().mapToLong(ModelGraph::bytes).sum();
    }

    /** The graph of one batch shape whose loss reads positions {@code first}..S−1. */
    private ModelGraph graphFor(HostArray tokens, int first) {
        long[] shape = tokens.shape();
        return graphs.computeIfAbsent(List.of(shape[0], shape[1], (long) first),
                k -> new ModelGraph(model(), flat, weightViews, shape[0], shape[1], first, planArrays));
    }
}
