package org.polygrok.api.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * The whole update after the backward pass, for all parameters in one call: global-norm clipping
 * (when {@link TrainSpec#clipNorm()} &gt; 0) then the optimizer rule on each parameter. Backends, eager
 * or traced, call only this, so every engine runs the same update.
 *
 * <p>Per step t (1-based) a backend feeds {@link #stepScalars(long)} as scalar FLOAT32 tensors (graph
 * backends: as placeholders, so one traced graph serves every step). Slots start at zero
 * ({@link #initialSlots}).
 */
public final class ParameterUpdate {
    private final OptimizerRule rule;
    private final double clipNorm;

    public ParameterUpdate(TrainSpec spec) {
        this.rule = Optimizers.rule(spec.optimizer());
        this.clipNorm = spec.clipNorm();
    }

    /** New parameters, new slots (per parameter, in {@link #slotNames()} order) and the gradient norm before clipping. */
    public record Result(List<Tensor> parameters, List<List<Tensor>> slots, Tensor gradientNorm) {
    }

    public OptimizerRule rule() {
        return rule;
    }

    /** Per-parameter state names, e.g. exp_avg and exp_avg_sq for AdamW. */
    public List<String> slotNames() {
        return rule.slotNames();
    }

    /** The scalars of step t (1-based) to feed to {@link #apply}. */
    public float[] stepScalars(long step) {
        return rule.stepScalars(step);
    }

    /** The rule's update as a loop over host floats ({@link OptimizerRule#elementwise()}), if it has one. */
    public Optional<ElementwiseUpdate> elementwise() {
        return rule.elementwise();
    }

    /**
     * The factor {@link #apply} scales every gradient by, from the sum of all gradients' squared
     * elements ({@link GradientClipping#addSquares}): the clipping coefficient, or 1 when clipping is off.
     */
    public float gradientScale(double sumOfSquares) {
        if (!(clipNorm > 0)) {
            return 1f;
        }
        return GradientClipping.coefficient((float) Math.sqrt((float) sumOfSquares), clipNorm);
    }

    /** Zero-valued slots for a parameter of this shape, in {@link #slotNames()} order. */
    public List<HostArray> initialSlots(long[] parameterShape) {
        List<HostArray> out = new ArrayList<>();
        for (int i = 0; i < rule.slotNames().size(); i++) {
            out.add(HostArray.zeros(parameterShape));
        }
        return out;
    }

    /**
     * Clips the gradients (if enabled) and updates every parameter.
     *
     * @param parameters current values, one per parameter
     * @param gradients the loss gradients, same order and shapes
     * @param slots per parameter its slots in {@link #slotNames()} order
     * @param stepScalars {@link #stepScalars(long)} of this step as scalar tensors
     */
    public Result apply(Ops ops, List<Tensor> parameters, List<Tensor> gradients, List<List<Tensor>> slots,
            List<Tensor> stepScalars) {
        int n = parameters.size();
        if (gradients.size() != n || slots.size() != n) {
            throw new IllegalArgumentException("the update needs one gradient and one slot list per parameter, got "
                    + n + " parameters, " + gradients.size() + " gradients and " + slots.size() + " slot lists");
        }
        List<Tensor> clipped = gradients;
        Tensor norm;
        if (clipNorm > 0) {
            GradientClipping.Clipped c = GradientClipping.clip(ops, gradients, clipNorm);
            clipped = c.gradients();
            norm = c.norm();
        } else {
            norm = GradientClipping.globalNorm(ops, gradients);
        }
        List<Tensor> newParameters = new ArrayList<>(n);
        List<List<Tensor>> newSlots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Tensor> updated = rule.update(ops, parameters.get(i), clipped.get(i), slots.get(i), stepScalars);
            newParameters.add(updated.get(0));
            newSlots.add(List.copyOf(updated.subList(1, updated.size())));
        }
        return new Result(List.copyOf(newParameters), List.copyOf(newSlots), norm);
    }
}
