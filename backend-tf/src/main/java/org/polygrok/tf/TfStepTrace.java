package org.polygrok.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.RhsLoss;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.NoOp;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The training step for one batch shape, traced once into the session's graph: forward, RHS loss,
 * TensorFlow's gradients of the loss with respect to every parameter read, then
 * {@link ParameterUpdate} (clipping + optimizer rule) and the assignments of the new parameters and
 * slots, which run only after every gradient exists. A step runs one target and fetches the loss.
 */
final class TfStepTrace {
    private final TfBatchFeed feed;
    private final List<Placeholder<TFloat32>> stepScalars;
    private final Operand<TFloat32> loss;
    private final NoOp train;

    private TfStepTrace(TfBatchFeed feed, List<Placeholder<TFloat32>> stepScalars, Operand<TFloat32> loss, NoOp train) {
        this.feed = feed;
        this.stepScalars = stepScalars;
        this.loss = loss;
        this.train = train;
    }

    static TfStepTrace trace(Graph graph, org.tensorflow.op.Ops base, LanguageModel model, TfVariableStore variables,
            ParameterUpdate update, long[] batchShape) {
        String name = "step_" + batchShape[0] + "x" + batchShape[1];
        org.tensorflow.op.Ops tf = base.withSubScope(name);
        TfBatchFeed feed = TfBatchFeed.placeholders(tf, batchShape, false);
        List<Placeholder<TFloat32>> scalars = new ArrayList<>();
        List<Tensor> scalarTensors = new ArrayList<>();
        for (int i = 0; i < update.stepScalars(1).length; i++) {
            Placeholder<TFloat32> p = tf.withName("step_scalar_" + i).placeholder(TFloat32.class,
                    Placeholder.shape(org.tensorflow.ndarray.Shape.scalar()));
            scalars.add(p);
            scalarTensors.add(new TfTensor(p));
        }

        List<Operand<TFloat32>> reads = new ArrayList<>();
        Map<Parameter, Operand<TFloat32>> byParameter = variables.readWeights(tf, reads);
        TfOps ops = new TfOps(tf, byParameter);
        Tensor logits = model.forward(ops, feed.tokens()).logits();
        TfTensor lossTensor = TfTensor.of(RhsLoss.mean(ops, logits, feed.targets(), feed.rhsWeights()));

        List<Operand<TFloat32>> grads = TfGradients.of(graph, tf, name + "_gradients", lossTensor.operand(), reads);
        List<Tensor> gradients = new ArrayList<>();
        List<Op> gradientOps = new ArrayList<>();
        for (Operand<TFloat32> grad : grads) {
            gradients.add(new TfTensor(grad));
            gradientOps.add(grad);
        }

        List<Tensor> current = new ArrayList<>();
        List<List<Tensor>> slots = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            current.add(new TfTensor(reads.get(i)));
            List<Tensor> own = new ArrayList<>();
            for (TfVariable slot : variables.slots(i)) {
                own.add(new TfTensor(slot.read(tf)));
            }
            slots.add(own);
        }
        ParameterUpdate.Result next = update.apply(ops, current, gradients, slots, scalarTensors);

        org.tensorflow.op.Ops afterGradients = tf.withControlDependencies(gradientOps);
        List<Op> assignments = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            assignments.add(variables.weight(i).assign(afterGradients, TfTensor.of(next.parameters().get(i)).floats()));
            List<TfVariable> own = variables.slots(i);
            for (int s = 0; s < own.size(); s++) {
                assignments.add(own.get(s).assign(afterGradients, TfTensor.of(next.slots().get(i).get(s)).floats()));
            }
        }
        NoOp train = tf.withControlDependencies(assignments).withName("train").noOp();
        return new TfStepTrace(feed, scalars, lossTensor.floats(), train);
    }

    /** Runs one step with the given step scalars; returns the loss before the update. */
    float run(Session session, Batch batch, int vocabSize, float[] scalars) {
        Session.Runner runner = session.runner();
        List<org.tensorflow.Tensor> fedScalars = new ArrayList<>();
        try {
            feed.feed(runner, batch, vocabSize);
            for (int i = 0; i < stepScalars.size(); i++) {
                org.tensorflow.Tensor s = TFloat32.scalarOf(scalars[i]);
                fedScalars.add(s);
                runner.feed(stepScalars.get(i), s);
            }
            try (Result result = runner.addTarget(train).fetch(loss).run()) {
                return ((TFloat32) result.get(0)).getFloat();
            }
        } finally {
            feed.close();
            fedScalars.forEach(org.tensorflow.Tensor::close);
        }
    }
}
