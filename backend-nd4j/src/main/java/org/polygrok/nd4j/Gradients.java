package org.polygrok.nd4j;

import java.util.Collection;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/** SameDiff's own backward pass, with its gradient graph built once and quietly. */
final class Gradients {
    static final String GRAD_FUNCTION = "grad";

    private Gradients() {
    }

    /** Builds the gradient graph of {@code sd}'s loss variables if it does not exist yet. */
    static SameDiff gradientGraph(SameDiff sd) {
        if (sd.getFunction(GRAD_FUNCTION) == null) {
            QuietStdout.run(sd::createGradFunction);
        }
        return sd.getFunction(GRAD_FUNCTION);
    }

    /** The outputs and the gradients of the loss with respect to {@code wrt} (null where the loss does not depend on it). */
    static OutAndGrad compute(SameDiff sd, Map<String, INDArray> feed, Collection<String> outputs,
            Collection<String> wrt) {
        gradientGraph(sd);
        return sd.calculateGradientsAndOutputs(feed, outputs, wrt);
    }
}
