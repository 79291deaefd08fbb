package org.polygrok.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A buffer shared by a split's views ({@link SharedBuffers}) goes back to the free list once the
 * last view is read, and a later op of the same shape reuses it, with unchanged values; an output of
 * a smaller shape reuses a released array as a view of its first elements ({@link FreeList}).
 */
class GraphPlanMemoryTest {
    private static final int FLOAT_BYTES = 4;

    @BeforeAll
    static void loadNatives() {
        Nd4jTesting.backend();
    }

    /** y = 2x (4 x 6), split into two 2 x 6 views, s = top + bottom, t = sum(s), u = x · t (4 x 6): u may reuse y. */
    private static SameDiff splitGraph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 4, 6);
        SDVariable y = x.mul("y", 2.0);
        SDVariable[] halves = sd.split(new String[] {"top", "bottom"}, y, 2, 0); // (4, 6) -> 2 x (2, 6)
        SDVariable s = halves[0].add("s", halves[1]);
        SDVariable t = s.sum("t");
        x.mul("u", t);
        return sd;
    }

    private static INDArray input() {
        return Nd4j.linspace(1, 24, 24, DataType.FLOAT).reshape(4, 6);
    }

    /** u = x · Σ(2·x[0:2] + 2·x[2:4]) = x · 2 · Σx. */
    private static INDArray expectedU(INDArray x) {
        return x.mul(2 * x.sumNumber().doubleValue());
    }

    @Test
    void aSplitInputIsReusedOnceEveryViewIsRead() {
        INDArray x = input();
        try (GraphPlan plan = new GraphPlan(splitGraph(), Map.of("x", x), List.of("u"))) {
            // owned: y (4 x 6, then reused for u), s (2 x 6), t (scalar); without reuse u would add 4 x 6
            assertThat(plan.bytes()).isEqualTo((24 + 12 + 1) * FLOAT_BYTES);
            assertThat(plan.output("u")).isEqualTo(expectedU(x));
            x.muli(-0.5);
            plan.run();
            assertThat(plan.output("u")).isEqualTo(expectedU(x));
        }
    }

    @Test
    void anOutputOfAnotherShapeReusesALargerReleasedBuffer() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 4, 6);
        SDVariable columnSums = x.mul("y", 2.0).sum("s", 0); // (4, 6) -> (6): y is released after this op
        columnSums.mul("v", 3.0); // (6): a view of y's first 6 floats
        INDArray x0 = input();
        try (GraphPlan plan = new GraphPlan(sd, Map.of("x", x0), List.of("v"))) {
            assertThat(plan.bytes()).as("y and s; v in y's buffer").isEqualTo((24 + 6) * FLOAT_BYTES);
            assertThat(plan.output("v")).isEqualTo(x0.sum(0).mul(6));
            x0.muli(-0.5);
            plan.run();
            assertThat(plan.output("v")).isEqualTo(x0.sum(0).mul(6));
        }
    }

    @Test
    void aReleasedArrayIsHandedOutAsALeadingViewAndTakenBackWhole() {
        FreeList free = new FreeList();
        INDArray base = Nd4j.zeros(DataType.FLOAT, 4, 6);
        free.put(base);
        LongShapeDescriptor small = LongShapeDescriptor.fromShape(new long[] {2, 3}, DataType.FLOAT);
        INDArray view = free.take(small);
        assertThat(view.shape()).containsExactly(2, 3);
        assertThat(view.data().address()).isEqualTo(base.data().address());
        assertThat(view.offset()).isZero();
        assertThat(free.take(small)).as("the only released array is in use").isNull();
        free.put(view);
        assertThat(free.take(LongShapeDescriptor.fromShape(new long[] {4, 6}, DataType.FLOAT))).isSameAs(base);
        free.put(base);
        assertThat(free.take(LongShapeDescriptor.fromShape(new long[] {5}, DataType.FLOAT)))
                .as("more than " + FreeList.MAX_WASTE + " times the size asked for").isNull();
        assertThat(free.take(LongShapeDescriptor.fromShape(new long[] {6}, DataType.INT))).as("another type").isNull();
    }

    @Test
    void aReshapeOfADenseViewIsAViewToo() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 4, 6);
        SDVariable[] halves = sd.split(new String[] {"top", "bottom"}, x.mul("y", 2.0), 2, 0); // (4, 6) -> 2 x (2, 6)
        sd.reshape("flat", halves[1], 12).mul("out", 3.0); // (2, 6) -> (12)
        INDArray x0 = input();
        try (GraphPlan plan = new GraphPlan(sd, Map.of("x", x0), List.of("out"))) {
            assertThat(plan.bytes()).as("y and out; no copy for the reshape").isEqualTo((24 + 12) * FLOAT_BYTES);
            plan.run();
            assertThat(plan.output("out")).isEqualTo(x0.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all()).mul(6).reshape(12));
        }
    }

    @Test
    void aBufferAnOutputSharesIsNeverReused() {
        INDArray x = input();
        try (GraphPlan plan = new GraphPlan(splitGraph(), Map.of("x", x), List.of("u", "top"))) {
            assertThat(plan.bytes()).isEqualTo((24 + 12 + 1 + 24) * FLOAT_BYTES);
            plan.run();
            assertThat(plan.output("u")).isEqualTo(expectedU(x));
            assertThat(plan.output("top")).isEqualTo(x.get(NDArrayIndex.interval(0, 2),
                    NDArrayIndex.all()).mul(2));
        }
    }
}
