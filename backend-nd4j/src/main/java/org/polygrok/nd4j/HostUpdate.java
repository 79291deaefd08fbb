package org.polygrok.nd4j;

import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polygrok.api.train.ElementwiseUpdate;
import org.polygrok.api.train.GradientClipping;
import org.polygrok.api.train.ParameterUpdate;

/**
 * The api's {@link ParameterUpdate} over the flat weight, gradient and slot vectors as two Java
 * passes, tile by tile through bulk copies: the gradient's sum of squares (the clipping norm), then
 * the rule's {@link ElementwiseUpdate} loop. Traced as a SameDiff graph the same update was 29
 * libnd4j ops, ~17 of them a pass over every weight: 2.2-2.8 ms per step on one thread in the
 * benches, where a batch-32 step is 10-13 ms. The values are the traced update's bit for bit, but
 * for the clipping norm, which is summed in double here (libnd4j sums in float, in its own order).
 */
final class HostUpdate {
    /** Floats per tile: the ~6 tiles of a pass (16 KB each) stay in the core's L1 and L2 caches. */
    static final int TILE = 4096;

    private final ParameterUpdate update;
    private final ElementwiseUpdate rule;
    private final FloatBuffer weights;
    private final FloatBuffer gradient;
    private final FloatBuffer[] slots;
    private final int size;
    private final float[] weightTile = new float[TILE];
    private final float[] gradientTile = new float[TILE];
    private final float[][] slotTiles;

    /**
     * An update of these arrays (dense FLOAT vectors of one length) by {@code update}'s rule, which
     * must have an element loop ({@link ParameterUpdate#elementwise()}; every built-in rule has one).
     */
    HostUpdate(ParameterUpdate update, INDArray weights, INDArray gradient, List<INDArray> slots) {
        this.update = update;
        this.rule = update.elementwise().orElseThrow(
                () -> new IllegalArgumentException("the optimizer rule has no element loop"));
        if (!DenseFloats.all(weights, gradient) || !DenseFloats.all(slots.toArray(INDArray[]::new))
                || gradient.length() != weights.length() || slots.stream().anyMatch(s -> s.length() != weights.length())) {
            throw new IllegalArgumentException("the update needs dense FLOAT vectors of one length");
        }
        this.size = (int) weights.length();
        this.weights = DenseFloats.elements(weights);
        this.gradient = DenseFloats.elements(gradient);
        this.slots = slots.stream().map(DenseFloats::elements).toArray(FloatBuffer[]::new);
        this.slotTiles = new float[slots.size()][TILE];
    }

    /** Optimizer step {@code step} (1-based): overwrites the weights and slots with their new values. */
    void apply(long step) {
        float scale = update.gradientScale(sumOfSquares());
        float[] stepScalars = update.stepScalars(step);
        for (int start = 0; start < size; start += TILE) {
            int n = Math.min(TILE, size - start);
            weights.get(start, weightTile, 0, n);
            gradient.get(start, gradientTile, 0, n);
            for (int s = 0; s < slots.length; s++) {
                slots[s].get(start, slotTiles[s], 0, n);
            }
            rule.apply(weightTile, gradientTile, scale, slotTiles, stepScalars, n);
            weights.put(start, weightTile, 0, n);
            for (int s = 0; s < slots.length; s++) {
                slots[s].put(start, slotTiles[s], 0, n);
            }
        }
    }

    private double sumOfSquares() {
        double sum = 0;
        for (int start = 0; start < size; start += TILE) {
            int n = Math.min(TILE, size - start);
            gradient.get(start, gradientTile, 0, n);
            sum += GradientClipping.addSquares(gradientTile, n);
        }
        return sum;
    }
}
