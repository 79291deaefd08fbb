package org.polygrok.api.train;

/**
 * An {@link OptimizerRule}'s update of one parameter as one loop over host floats: for a backend
 * that updates weights it can read as Java arrays in a single pass, with every intermediate in a
 * register. Traced as separate ops, the AdamW update is ~17 passes over every weight, ~1-2.5 ms per
 * step for the study's 272 000-406 000 weights on one core, a fifth of a step at batch 32; this
 * loop is one pass.
 *
 * <p>The values equal the rule's {@link OptimizerRule#update} on a gradient {@code gradScale · grad}
 * bit for bit: the same float operations in the same order, on the same float constants (Java
 * never fuses a multiply and an add). ND4J's {@code HostUpdateTest} holds every rule to that against
 * the rule traced on libnd4j's float ops; the api's {@code ElementwiseUpdateTest} holds each loop to
 * its rule on the double-precision reference ops.
 */
@FunctionalInterface
public interface ElementwiseUpdate {
    /**
     * Elements {@code 0 .. n − 1}: the update of {@code param[i]} and of every {@code slots[k][i]}
     * from the gradient {@code gradScale · grad[i]}, written over them.
     *
     * @param gradScale the gradient's clipping coefficient ({@link ParameterUpdate#gradientScale}), 1 when not clipped
     * @param slots the rule's slots in {@link OptimizerRule#slotNames()} order
     * @param stepScalars {@link OptimizerRule#stepScalars} of this step
     */
    void apply(float[] param, float[] grad, float gradScale, float[][] slots, float[] stepScalars, int n);
}
