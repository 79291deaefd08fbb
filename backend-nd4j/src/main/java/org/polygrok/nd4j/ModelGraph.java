package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.RhsLoss;

/**
 * The model, its RHS loss and its accuracy traced once into a SameDiff graph for one (B, S) input
 * shape and first scored position (the loss reads the logits from there on), differentiated by
 * SameDiff, and compiled into {@link GraphPlan}s for training, evaluation and (scored from position
 * 0) the whole forward pass. Parameters are SameDiff variables whose arrays are views of the
 * session's flat weight vector, so an update of that vector is seen by every plan without copying.
 */
final class ModelGraph implements AutoCloseable {
    private static final String TOKENS = "tokens";
    private static final String TARGETS = "targets";
    private static final String RHS_WEIGHTS = "rhs_weights";

    private final SameDiff sd;
    private final Nd4jFlatViews layout;
    private final List<INDArray> parameterViews;
    private final List<String> parameterNames = new ArrayList<>();
    private final String loss;
    private final String perSampleLoss;
    private final String correct;
    private final int first;
    private final Map<String, Nd4jTensor> forwardOutputs = new LinkedHashMap<>();
    private final INDArray tokens;
    private final INDArray targets;
    private final INDArray rhsWeights;
    private GraphPlan trainPlan;
    private INDArray trainedInto;
    private final List<String> gradientNames = new ArrayList<>();
    private GraphPlan evaluationPlan;
    private GraphPlan forwardPlan;
    /** The session's plans share their intermediate arrays ({@link FreeList#shared()}). */
    private final FreeList pool;

    ModelGraph(LanguageModel model, Nd4jFlatViews layout, List<INDArray> parameterViews, long batch, long sequence,
            int first, FreeList pool) {
        this.pool = pool;
        this.sd = SameDiff.create();
        sd.setVariablesArrays(new SingleThreadArrayHolder()); // the default holder copies views
        this.layout = layout;
        this.parameterViews = parameterViews;
        Map<Parameter, SDVariable> variables = new IdentityHashMap<>();
        for (int i = 0; i < layout.count(); i++) {
            SDVariable v = sd.var("param_" + i, parameterViews.get(i));
            variables.put(layout.parameter(i), v);
            parameterNames.add(v.name());
        }
        this.first = first;
        long[] shape = {batch, sequence};
        long[] window = {batch, sequence - first}; // the positions the loss reads
        this.tokens = Nd4j.create(DataType.INT, shape);
        this.targets = Nd4j.create(DataType.INT, window);
        this.rhsWeights = Nd4j.create(DataType.FLOAT, window);
        Nd4jOps ops = new Nd4jOps(sd, variables);
        Tensor tokenIds = ops.wrap(sd.placeHolder(TOKENS, DataType.INT, shape), shape, DType.INT32);
        Tensor targetIds = ops.wrap(sd.placeHolder(TARGETS, DataType.INT, window), window, DType.INT32);
        Tensor weights = ops.wrap(sd.placeHolder(RHS_WEIGHTS, DataType.FLOAT, window), window, DType.FLOAT32);

        Tensor scored; // (B, S − first, V)
        if (first == 0) {
            ModelOutput out = model.forward(ops, tokenIds);
            out.named().forEach((name, t) -> forwardOutputs.put(name, (Nd4jTensor) t));
            scored = out.logits();
        } else {
            scored = model.scoredLogits(ops, tokenIds, first);
        }
        Tensor perSample = RhsLoss.perSample(ops, scored, targetIds, weights);  // (B,)
        this.perSampleLoss = name(perSample);
        this.correct = name(RhsLoss.correct(ops, scored, targetIds, weights));
        SDVariable mean = ((Nd4jTensor) ops.mean(perSample, 0, false)).variable();
        mean.markAsLoss();
        this.loss = mean.name();
    }

    /**
     * The batch's mean loss, with the gradient of every parameter written into its part of
     * {@code flatGradient}; no op uses more than {@code maxThreads} threads.
     */
    float lossAndGradients(Batch batch, INDArray flatGradient, int maxThreads) {
        fill(batch);
        if (trainPlan == null || trainedInto != flatGradient) {
            if (trainPlan != null) {
                trainPlan.close();
            }
            trainPlan = compileTraining(flatGradient); // writes the gradients into flatGradient from now on
            trainedInto = flatGradient;
        } else {
            trainPlan.run(maxThreads);
        }
        for (int i = 0; i < layout.count(); i++) {
            if (gradientNames.get(i) == null) {
                layout.view(flatGradient, i).assign(0); // the loss does not depend on this parameter
            }
        }
        return trainPlan.output(loss).getFloat(0);
    }

    Evaluation evaluate(Batch batch) {
        fill(batch);
        if (evaluationPlan == null) {
            evaluationPlan = new GraphPlan(sd, inputs(true), List.of(perSampleLoss, correct), Map.of(), pool);
        } else {
            evaluationPlan.run();
        }
        return new Evaluation(evaluationPlan.output(perSampleLoss).toFloatVector(),
                evaluationPlan.output(correct).toFloatVector());
    }

    /** The logits and the model's internals ({@link ModelOutput#named()}), copied to Java memory; needs only the tokens. */
    Map<String, HostArray> forward(HostArray tokenIds) {
        if (forwardOutputs.isEmpty()) {
            throw new IllegalStateException("only a graph scored from position 0 holds the whole forward pass, this one"
                    + " starts at " + first);
        }
        tokens.data().setData(tokenIds.ints());
        if (forwardPlan == null) {
            List<String> names = forwardOutputs.values().stream().map(t -> t.variable().name()).toList();
            forwardPlan = new GraphPlan(sd, inputs(false), names, Map.of(), pool);
        } else {
            forwardPlan.run();
        }
        Map<String, HostArray> values = new LinkedHashMap<>();
        forwardOutputs.forEach((name, t) -> values.put(name,
                HostArray.of(Nd4jArrays.toHost(forwardPlan.output(t.variable().name())).toFloatArray(), t.shape())));
        return values;
    }

    /** Bytes of the arrays this graph's plans own. */
    long bytes() {
        return (trainPlan == null ? 0 : trainPlan.bytes()) + (evaluationPlan == null ? 0 : evaluationPlan.bytes())
                + (forwardPlan == null ? 0 : forwardPlan.bytes());
    }

    @Override
    public void close() {
        for (GraphPlan p : new GraphPlan[] {trainPlan, evaluationPlan, forwardPlan}) {
            if (p != null) {
                p.close();
            }
        }
        tokens.close();
        targets.close();
        rhsWeights.close();
    }

    /**
     * SameDiff's gradient graph, built once, compiled for the loss and every parameter's gradient,
     * each written into its part of {@code flatGradient}. Its parameter variables are pointed at the
     * same views (it is given copies otherwise).
     */
    private GraphPlan compileTraining(INDArray flatGradient) {
        SameDiff gradientGraph = Gradients.gradientGraph(sd);
        List<String> outputs = new ArrayList<>();
        Map<String, INDArray> targets = new HashMap<>();
        outputs.add(loss);
        gradientNames.clear();
        for (int i = 0; i < layout.count(); i++) {
            gradientGraph.associateArrayWithVariable(parameterViews.get(i),
                    gradientGraph.getVariable(parameterNames.get(i)));
            SDVariable grad = sd.getVariable(parameterNames.get(i)).getGradient();
            gradientNames.add(grad == null ? null : grad.name());
            if (grad != null) {
                outputs.add(grad.name());
                targets.put(grad.name(), layout.view(flatGradient, i));
            }
        }
        return new GraphPlan(gradientGraph, inputs(true), outputs, targets, pool);
    }

    private Map<String, INDArray> inputs(boolean withTargets) {
        return withTargets ? Map.of(TOKENS, tokens, TARGETS, targets, RHS_WEIGHTS, rhsWeights) : Map.of(TOKENS, tokens);
    }

    private void fill(Batch batch) {
        tokens.data().setData(batch.tokens().ints());
        targets.data().setData(batch.targetsFrom(first).ints());
        rhsWeights.data().setData(batch.rhsWeightsFrom(first).floats());
    }

    private static String name(Tensor t) {
        return ((Nd4jTensor) t).variable().name();
    }
}
