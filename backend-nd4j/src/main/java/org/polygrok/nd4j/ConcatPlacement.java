package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Concat;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.AddBpOp;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Concatenations that {@link GraphPlan} does not run: each input is computed straight into its
 * block of the concatenation's output. This is the backward pass of every {@code split} (the LSTM
 * splits its gates and its per-step projections), which M2.1 runs as a {@code concat} copying all
 * the gradient (~100 µs CPU per step and gate split at B = 32, ~500 µs at B = 480). Only
 * concatenations into dense blocks (consecutive rows, {@link ViewOps#blocks}) of inputs of equal
 * shape qualify. The inputs are predicted when the plan is built: an input is the output of the op
 * computing it, or, through an {@code add_bp} of same-shaped arrays ({@link PassThroughOps}), the
 * incoming gradient. When a prediction fails (an input turns out to be another array) the
 * concatenation runs as usual; the predicted arrays then still hold their values, in blocks that
 * are simply not used.
 */
final class ConcatPlacement {
    private record Slot(SameDiffOp concat, int index) {
    }

    private final Map<String, Slot> wanted = new HashMap<>();
    /** Per concatenation: its output followed by its blocks; null when the blocks are not dense. */
    private final Map<SameDiffOp, INDArray[]> planned = new IdentityHashMap<>();
    private final List<INDArray> owned = new ArrayList<>();

    /** Predicts, for the ops in execution order, the variable computed into each block. */
    ConcatPlacement(List<SameDiffOp> order) {
        Map<String, String> passedOn = new HashMap<>(); // add_bp output -> the incoming gradient it equals
        for (SameDiffOp op : order) {
            List<String> in = op.getInputsToOp();
            if (op.getOp() instanceof AddBpOp && in != null && in.size() == 3) {
                op.getOutputsOfOp().forEach(out -> passedOn.put(out, in.get(2)));
            }
            if (op.getOp() instanceof Concat && in != null && in.size() >= 2
                    && new HashSet<>(in).size() == in.size()) {
                for (int j = 0; j < in.size(); j++) {
                    String source = in.get(j);
                    while (passedOn.containsKey(source)) {
                        source = passedOn.get(source);
                    }
                    wanted.putIfAbsent(source, new Slot(op, j));
                }
            }
        }
    }

    /**
     * The block that output {@code name} (of {@code shape}) is to be written into, or {@code null}:
     * the first such request of a concatenation allocates its output, assuming all its inputs have
     * this shape.
     */
    INDArray block(String name, LongShapeDescriptor shape) {
        Slot slot = wanted.get(name);
        if (slot == null || shape.isEmpty() || shape.getOrder() != 'c') {
            return null;
        }
        INDArray[] arrays = planned.computeIfAbsent(slot.concat(), c -> allocate((Concat) c.getOp(),
                c.getInputsToOp().size(), shape));
        if (arrays == null) {
            return null;
        }
        INDArray block = arrays[slot.index() + 1];
        return Arrays.equals(block.shape(), shape.getShape()) && block.dataType() == shape.dataType() ? block : null;
    }

    /**
     * The output of {@code concat} when every input is its block (constant inputs, in
     * {@code constants}, are copied into theirs once), else {@code null}: then it must run.
     */
    INDArray output(SameDiffOp concat, INDArray[] inputs, Set<String> constants) {
        INDArray[] arrays = planned.get(concat);
        if (arrays == null || arrays.length != inputs.length + 1) {
            return null;
        }
        List<String> names = concat.getInputsToOp();
        for (int j = 0; j < inputs.length; j++) {
            boolean copyable = constants.contains(names.get(j)) && Arrays.equals(inputs[j].shape(), arrays[j + 1].shape());
            if (inputs[j] != arrays[j + 1] && !copyable) {
                return null;
            }
        }
        for (int j = 0; j < inputs.length; j++) {
            if (inputs[j] != arrays[j + 1]) {
                arrays[j + 1].assign(inputs[j]); // a constant: the same values on every run
            }
        }
        return arrays[0];
    }

    /** Arrays allocated for concatenations (freed with the plan). */
    List<INDArray> owned() {
        return owned;
    }

    /** The output of {@code concat} for {@code count} inputs of {@code shape}, then its blocks; null if not dense. */
    private INDArray[] allocate(Concat concat, int count, LongShapeDescriptor shape) {
        long[] part = shape.getShape();
        long[] args = concat.iArgs();
        if (args == null || args.length != 1 || part.length == 0) {
            return null;
        }
        int axis = (int) (args[0] < 0 ? args[0] + part.length : args[0]);
        if (axis < 0 || axis >= part.length) {
            return null;
        }
        long[] full = part.clone();
        full[axis] = part[axis] * count;                                       // count x (…, n, …) -> (…, count·n, …)
        INDArray output = Nd4j.createUninitializedDetached(shape.dataType(), 'c', full);
        List<LongShapeDescriptor> shapes = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            shapes.add(shape);
        }
        INDArray[] blocks = ViewOps.blocks(output, shapes);
        if (blocks == null) {
            Nd4jArrays.release(output);
            return null;
        }
        owned.add(output);
        INDArray[] arrays = new INDArray[count + 1];
        arrays[0] = output;
        System.arraycopy(blocks, 0, arrays, 1, count);
        return arrays;
    }
}
