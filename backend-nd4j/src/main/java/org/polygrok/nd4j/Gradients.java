package org.polygrok.nd4j;

import org.nd4j.autodiff.samediff.SameDiff;

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
}
