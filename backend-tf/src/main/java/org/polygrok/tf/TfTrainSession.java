package org.polygrok.tf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.SessionInputs;
import org.polygrok.api.train.TrainSession;
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
final class TfTrainSession implements TrainSession {
    private final LanguageModel model;
    private final ParameterUpdate update;
    private final Graph graph;
    private final Session session;
    private final org.tensorflow.op.Ops tf;
    private final TfVariableStore variables;
    private final Map<String, TfStepTrace> steps = new HashMap<>();
    private final Map<String, TfEvalTrace> evaluations = new HashMap<>();
    private final Map<String, TfForwardTrace> forwards = new HashMap<>();
    private final Consumer<TfTrainSession> onClose;
    private long stepsTaken;
    private boolean closed;

    TfTrainSession(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec, ConfigProto config,
            Consumer<TfTrainSession> onClose) {
        SessionInputs.checkWeights(model, initialWeights);
        this.model = model;
        this.update = new ParameterUpdate(spec);
        this.onClose = onClose;
        this.graph = new Graph();
        Session opened = null;
        try {
            this.tf = org.tensorflow.op.Ops.create(graph);
            this.variables = new TfVariableStore(tf, model.namedParameters(), update.slotNames());
            opened = new Session(graph, config);
            Map<String, List<HostArray>> zeroSlots = new LinkedHashMap<>();
            model.namedParameters().forEach((name, p) -> zeroSlots.put(name, update.initialSlots(p.shape())));
            variables.load(opened, initialWeights, zeroSlots);
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            graph.close();
            throw e;
        }
        this.session = opened;
    }

    private static String key(long[] shape) {
        return shape[0] + "x" + shape[1];
    }

    /** A trace's name: its kind, the batch shape and the first scored position. */
    static String key(String kind, long[] shape, int first) {
        return kind + "_" + key(shape) + "_from_" + first;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this TensorFlow training session is closed");
        }
    }

    @Override
    public synchronized float step(Batch batch) {
        checkOpen();
        long[] shape = batch.tokens().shape();
        int first = batch.firstScoredPosition();
        TfStepTrace trace = steps.computeIfAbsent(key("step", shape, first),
                k -> TfStepTrace.trace(graph, tf, model, variables, update, shape, first));
        float loss = trace.run(session, batch, model.vocabSize(), update.stepScalars(stepsTaken + 1));
        stepsTaken++;
        return loss;
    }

    @Override
    public synchronized long stepsTaken() {
        return stepsTaken;
    }

    @Override
    public synchronized Evaluation evaluate(Batch batch) {
        checkOpen();
        long[] shape = batch.tokens().shape();
        int first = batch.firstScoredPosition();
        TfEvalTrace trace = evaluations.computeIfAbsent(key("eval", shape, first),
                k -> TfEvalTrace.trace(tf, model, variables, shape, first));
        return trace.run(session, batch, model.vocabSize());
    }

    @Override
    public synchronized Map<String, HostArray> forwardWithInternals(HostArray tokens) {
        checkOpen();
        if (tokens.rank() != 2) {
            throw new IllegalArgumentException("tokens must be shaped (batch, sequence), got rank " + tokens.rank());
        }
        long[] shape = tokens.shape();
        TfForwardTrace trace = forwards.computeIfAbsent(key(shape),
                k -> TfForwardTrace.trace(tf, model, variables, shape));
        return trace.run(session, tokens, model.vocabSize());
    }

    @Override
    public synchronized Map<String, HostArray> weights() {
        checkOpen();
        return variables.readWeights(session);
    }

    @Override
    public synchronized OptimizerState optimizerState() {
        checkOpen();
        return new OptimizerState(stepsTaken, variables.readSlots(session));
    }

    @Override
    public synchronized void restore(Map<String, HostArray> weights, OptimizerState state) {
        checkOpen();
        SessionInputs.checkWeights(model, weights);
        if (state != null) {
            SessionInputs.checkOptimizerState(model, update.slotNames(), state);
        }
        variables.load(session, weights, state == null ? null : state.slots());
        if (state != null) {
            stepsTaken = state.step();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } finally {
            graph.close();
            onClose.accept(this);
        }
    }
}
