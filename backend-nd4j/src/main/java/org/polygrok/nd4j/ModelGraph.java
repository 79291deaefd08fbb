package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.RhsLoss;

/**
 * The model, its RHS loss and its accuracy traced once into a SameDiff graph for one (B, S) input
 * shape. Parameters are SameDiff variables whose arrays are views of the session's flat weight
 * vector, so an update of that vector is seen by every graph without copying.
 */
final class ModelGraph {
    static final String TOKENS = "tokens";
    static final String TARGETS = "targets";
    static final String RHS_WEIGHTS = "rhs_weights";

    private final SameDiff sd;
    private final FlatLayout layout;
    private final List<INDArray> parameterViews;
    private final List<String> parameterNames = new ArrayList<>();
    private final String loss;
    private final String perSampleLoss;
    private final String correct;
    private final Map<String, Nd4jTensor> forwardOutputs = new LinkedHashMap<>();
    private final List<String> gradientNames = new ArrayList<>();
    private String[] gradientOutputs;
    private final ArrayPool pool;
    private ArrayPool gradientPool;

    ModelGraph(LanguageModel model, FlatLayout layout, List<INDArray> parameterViews, long batch, long sequence) {
        this.sd = SameDiff.create();
        sd.setVariablesArrays(new SingleThreadArrayHolder()); // the default holder copies views
        this.pool = ArrayPool.install(sd);
        this.layout = layout;
        this.parameterViews = parameterViews;
        Map<Parameter, SDVariable> variables = new IdentityHashMap<>();
        for (int i = 0; i < layout.count(); i++) {
            SDVariable v = sd.var("param_" + i, parameterViews.get(i));
            variables.put(layout.parameter(i), v);
            parameterNames.add(v.name());
        }
        Nd4jOps ops = new Nd4jOps(sd, variables);
        Tensor tokens = ops.wrap(sd.placeHolder(TOKENS, DataType.INT, batch, sequence), new long[] {batch, sequence},
                DType.INT32);
        Tensor targets = ops.wrap(sd.placeHolder(TARGETS, DataType.INT, batch, sequence),
                new long[] {batch, sequence}, DType.INT32);
        Tensor rhsWeights = ops.wrap(sd.placeHolder(RHS_WEIGHTS, DataType.FLOAT, batch, sequence),
                new long[] {batch, sequence}, DType.FLOAT32);

        ModelOutput out = model.forward(ops, tokens);
        forwardOutputs.put("logits", (Nd4jTensor) out.logits());
        out.internals().forEach((name, t) -> forwardOutputs.put(name, (Nd4jTensor) t));
        Tensor perSample = RhsLoss.perSample(ops, out.logits(), targets, rhsWeights);  // (B,)
        this.perSampleLoss = ((Nd4jTensor) perSample).variable().name();
        this.correct = ((Nd4jTensor) RhsLoss.correct(ops, out.logits(), targets, rhsWeights)).variable().name();
        SDVariable mean = ((Nd4jTensor) ops.mean(perSample, 0, false)).variable();
        mean.markAsLoss();
        this.loss = mean.name();
    }

    /**
     * The batch's mean loss, with the gradient of every parameter written into its part of
     * {@code flatGradient}.
     */
    float lossAndGradients(Map<String, INDArray> feed, INDArray flatGradient) {
        SameDiff gradientGraph = linkGradientGraph();
        try {
            Map<String, INDArray> out = gradientGraph.output(feed, gradientOutputs);
            float value = out.get(loss).getFloat(0);
            for (int i = 0; i < layout.count(); i++) {
                INDArray g = gradientNames.get(i) == null ? null : out.get(gradientNames.get(i));
                INDArray target = layout.view(flatGradient, i);
                if (g == null) {
                    target.assign(0);     // the loss does not depend on this parameter
                } else {
                    target.assign(g);
                }
            }
            return value;
        } finally {
            gradientPool.recycle();
        }
    }

    Evaluation evaluate(Map<String, INDArray> feed) {
        try {
            Map<String, INDArray> out = sd.output(feed, perSampleLoss, correct);
            return new Evaluation(out.get(perSampleLoss).toFloatVector(), out.get(correct).toFloatVector());
        } finally {
            pool.recycle();
        }
    }

    /** "logits" and the model's internals, copied to Java memory; needs only the tokens. */
    Map<String, HostArray> forward(Map<String, INDArray> feed) {
        String[] names = forwardOutputs.values().stream().map(t -> t.variable().name()).toArray(String[]::new);
        try {
            Map<String, INDArray> out = sd.output(feed, names);
            Map<String, HostArray> values = new LinkedHashMap<>();
            forwardOutputs.forEach((name, t) -> {
                INDArray a = out.get(t.variable().name());
                values.put(name, HostArray.of(Nd4jArrays.toHost(a).toFloatArray(), t.shape()));
            });
            return values;
        } finally {
            pool.recycle();
        }
    }

    /**
     * Builds SameDiff's gradient graph once and points its parameter variables at the same
     * views (SameDiff gives the gradient graph copies of the arrays otherwise).
     */
    private SameDiff linkGradientGraph() {
        SameDiff gradientGraph = Gradients.gradientGraph(sd);
        if (gradientOutputs != null) {
            return gradientGraph;
        }
        List<String> outputs = new ArrayList<>();
        outputs.add(loss);
        for (int i = 0; i < layout.count(); i++) {
            gradientGraph.associateArrayWithVariable(parameterViews.get(i),
                    gradientGraph.getVariable(parameterNames.get(i)));
            SDVariable grad = sd.getVariable(parameterNames.get(i)).getGradient();
            gradientNames.add(grad == null ? null : grad.name());
            if (grad != null) {
                outputs.add(grad.name());
            }
        }
        // calculateGradients() turns SameDiff's array reuse off, so every step would allocate afresh
        gradientGraph.setEnableCache(true);
        gradientPool = ArrayPool.install(gradientGraph);
        gradientOutputs = outputs.toArray(String[]::new);
        return gradientGraph;
    }
}
