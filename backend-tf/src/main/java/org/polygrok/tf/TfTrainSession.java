package org.polygrok.tf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.backend.BaseTrainSession;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.TrainSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * A model training on TensorFlow: parameters and optimizer slots live as variables in one graph
 * and session; the training step, the evaluation and the forward pass are each traced once per
 * batch shape into that graph and then only run (per step: the batch and step scalars in, the loss
 * out).
 */
final class TfTrainSession extends BaseTrainSession {
    private final Graph graph;
    private final Session session;
    private final org.tensorflow.op.Ops tf;
    private final TfVariableStore variables;
    private final Map<String, TfStepTrace> steps = new HashMap<>();
    private final Map<String, TfEvalTrace> evaluations = new HashMap<>();
    private final Map<String, TfForwardTrace> forwards = new HashMap<>();

    TfTrainSession(TfBackend backend, LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec,
            ConfigProto config) {
        super(backend, model, initialWeights, spec);
        this.graph = new Graph();
        Session opened = null;
        try {
            this.tf = org.tensorflow.op.Ops.create(graph);
            this.variables = new TfVariableStore(tf, layout(), update().slotNames());
            opened = new Session(graph, config);
            this.session = opened;
            start(initialWeights);
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            graph.close();
            throw e;
        }
    }

    private static String key(long[] shape) {
        return shape[0] + "x" + shape[1];
    }

    /** A trace's name: its kind, the batch shape and the first scored position. */
    static String key(String kind, long[] shape, int first) {
        return kind + "_" + key(shape) + "_from_" + first;
    }

    @Override
    protected float trainStep(Batch batch, float[] stepScalars) {
        long[] shape = batch.tokens().shape();
        int first = batch.firstScoredPosition();
        TfStepTrace trace = steps.computeIfAbsent(key("step", shape, first),
                k -> TfStepTrace.trace(graph, tf, model(), variables, update(), shape, first));
        return trace.run(session, batch, stepScalars);
    }

    @Override
    protected Evaluation evaluateBatch(Batch batch) {
        long[] shape = batch.tokens().shape();
        int first = batch.firstScoredPosition();
        TfEvalTrace trace = evaluations.computeIfAbsent(key("eval", shape, first),
                k -> TfEvalTrace.trace(tf, model(), variables, shape, first));
        return trace.run(session, batch);
    }

    @Override
    protected Map<String, HostArray> forward(HostArray tokens) {
        long[] shape = tokens.shape();
        TfForwardTrace trace = forwards.computeIfAbsent(key(shape),
                k -> TfForwardTrace.trace(tf, model(), variables, shape));
        return trace.run(session, tokens);
    }

    @Override
    protected void upload(float[] weights, List<float[]> slots) {
        variables.load(session, weights, slots);
    }

    @Override
    protected float[] downloadWeights() {
        return variables.readWeights(session);
    }

    @Override
    protected List<float[]> downloadSlots() {
        return variables.readSlots(session);
    }

    @Override
    protected void release() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
