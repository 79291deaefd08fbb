package org.polygrok.api.train;

import java.util.List;
import java.util.Optional;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * One optimizer's update, written once on {@link Ops} and run by every backend (eagerly on DJL,
 * traced into the step graph on TensorFlow, on ND4J arrays for SameDiff).
 */
public interface OptimizerRule {

    /** Names of the per-parameter state tensors, each shaped like the parameter (AdamW: exp_avg, exp_avg_sq). */
    List<String> slotNames();

    /** Scalars that depend only on the 1-based step t (e.g. bias corrections), computed in Java and fed in. */
    float[] stepScalars(long step);

    /**
     * The update of one parameter from its (already clipped) gradient.
     *
     * @param stepScalars the values of {@link #stepScalars} as scalar tensors
     * @return the new parameter value followed by the new slots, in {@link #slotNames()} order
     */
    List<Tensor> update(Ops ops, Tensor param, Tensor grad, List<Tensor> slots, List<Tensor> stepScalars);

    /** The same update as a loop over host floats, equal to {@link #update} bit for bit, if the rule has one. */
    default Optional<ElementwiseUpdate> elementwise() {
        return Optional.empty();
    }
}
