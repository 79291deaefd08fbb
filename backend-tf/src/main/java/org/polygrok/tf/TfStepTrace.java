package org.polygrok.tf;

import java.util.ArrayList;
import java.util.List;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
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
 * The training step for one batch shape and scored window, traced once into the session's graph:
 * forward (to the logits the loss reads), RHS loss, TensorFlow's gradient of the loss with respect
 * to the flat parameter vector (one read, cut into the parameters), then {@link ParameterUpdate}
 * (clipping + optimizer rule) on the flat vectors and the assignments of the new parameters and
 * slots, which run only after the gradient exists. A step runs one target and fetches the loss.
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
            ParameterUpdate update, long[] batchShape, int first) {
        String name = TfTrainSession.key("step", batchShape, first);
        org.tensorflow.op.Ops tf = base.withSubScope(name);
        TfBatchFeed feed = TfBatchFeed.placeholders(tf, batchShape, first);
        List<Placeholder<TFloat32>> scalars = new ArrayList<>();
        List<Tensor> scalarTensors = new ArrayList<>();
        for (int i = 0; i < update.stepScalars(1).length; i++) {
            Placeholder<TFloat32> p = tf.withName("step_scalar_" + i).placeholder(TFloat32.class,
                    Placeholder.shape(org.tensorflow.ndarray.Shape.scalar()));
            scalars.add(p);
            scalarTensors.add(new TfTensor(p));
        }

        Operand<TFloat32> parameters = variables.weights().read(tf); // (N): every parameter end to end
        TfOps ops = new TfOps(tf, variables.pieces(tf, parameters));
        Tensor logits = model.scoredLogits(ops, feed.tokens(), first); // (B, S − first, V)
        TfTensor lossTensor = TfTensor.of(RhsLoss.mean(ops, logits, feed.targets(), feed.rhsWeights()));
        Operand<TFloat32> gradient = TfGradients.of(graph, tf, name + "_gradients", lossTensor.operand(),
                List.of(parameters)).get(0); // (N)

        List<Tensor> slots = new ArrayList<>();
        for (TfVariable slot : variables.slots()) {
            slots.add(new TfTensor(slot.read(tf)));
        }
        ParameterUpdate.Result next = update.apply(ops, List.of(new TfTensor(parameters)),
                List.of(new TfTensor(gradient)), List.of(slots), scalarTensors);

        org.tensorflow.op.Ops afterGradients = tf.withControlDependencies(List.of(gradient));
        List<Op> assignments = new ArrayList<>();
        assignments.add(variables.weights().assign(afterGradients, TfTensor.of(next.parameters().get(0)).floats()));
        for (int s = 0; s < slots.size(); s++) {
            assignments.add(variables.slots().get(s).assign(afterGradients, TfTensor.of(next.slots().get(0).get(s)).floats()));
        }
        NoOp train = tf.withControlDependencies(assignments).withName("train").noOp();
        return new TfStepTrace(feed, scalars, lossTensor.floats(), train);
    }

    /** Runs one step with the given step scalars; returns the loss before the update. */
    float run(Session session, Batch batch, float[] scalars) {
        Session.Runner runner = session.runner();
        List<org.tensorflow.Tensor> fedScalars = new ArrayList<>();
        try {
            feed.feed(runner, batch);
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
