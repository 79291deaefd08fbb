package org.polygrok.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.tck.reference.ReferenceOps;
import org.polygrok.api.tck.reference.ReferenceTensor;

/** RhsLoss on the double-precision reference ops against a loss worked out by hand. */
class RhsLossTest {
    private final ReferenceOps ops = new ReferenceOps();
    // B 2, S 2, V 3. Sample 0: position 0 is not RHS; position 1 has equal logits (argmax 0 = target).
    // Sample 1: position 0 right (logits 2, 0, 0 target 0), position 1 wrong (logits 1, 2, 3, target 1).
    private final Tensor logits = ops.constant(HostArray.of(new float[] {1, 2, 3, 0, 0, 0, 2, 0, 0, 1, 2, 3}, 2, 2, 3));
    private final Tensor targets = ops.constant(HostArray.ofInts(new int[] {2, 0, 0, 1}, 2, 2));
    private final Tensor rhs = ops.constant(HostArray.of(new float[] {0, 1, 1, 1}, 2, 2));

    @Test
    void perSampleLossIsTheMeanOverRhsPositions() {
        double sample0 = Math.log(3);                              // −log(1/3)
        double sample1 = (Math.log(1 + 2 * Math.exp(-2))          // −log(e²/(e² + 2))
                + 1.4076059644443804) / 2;                         // −log softmax([1,2,3])[1]
        assertThat(values(RhsLoss.perSample(ops, logits, targets, rhs))).containsExactly(new double[] {sample0, sample1},
                within(1e-12));
        Tensor mean = RhsLoss.mean(ops, logits, targets, rhs);
        assertThat(mean.shape()).isEmpty();
        assertThat(values(mean)[0]).isCloseTo((sample0 + sample1) / 2, within(1e-12));
    }

    @Test
    void aSampleIsCorrectOnlyWhenEveryRhsTokenIsRight() {
        Tensor correct = RhsLoss.correct(ops, logits, targets, rhs);
        assertThat(values(correct)).containsExactly(1, 0);
    }

    @Test
    void mismatchedShapesAreRejected() {
        Tensor shortTargets = ops.constant(HostArray.ofInts(new int[] {1, 2}, 2, 1));
        assertThatThrownBy(() -> RhsLoss.mean(ops, logits, shortTargets, rhs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(B, S, V)");
    }

    private static double[] values(Tensor t) {
        return ((ReferenceTensor) t).values();
    }
}
