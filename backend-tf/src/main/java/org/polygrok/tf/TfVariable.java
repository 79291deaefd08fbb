package org.polygrok.tf;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.AssignVariableOp;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReadVariableOp;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * One FLOAT32 resource variable of a training graph (a parameter or an optimizer slot), with the
 * nodes that load it from the host ({@link #loadValue} fed, {@link #load} run) and read it back
 * ({@link #snapshot}).
 */
final class TfVariable {
    private final long[] shape;
    private final VarHandleOp handle;
    private final Placeholder<TFloat32> loadValue;
    private final AssignVariableOp load;
    private final ReadVariableOp<TFloat32> snapshot;

    /** @param name unique in its graph; any characters (unusable ones are replaced in node names) */
    TfVariable(org.tensorflow.op.Ops tf, String name, long[] shape) {
        this.shape = shape.clone();
        String node = nodeName(name);
        Shape tfShape = Shape.of(shape);
        this.handle = tf.withName(node).varHandleOp(TFloat32.class, tfShape, VarHandleOp.sharedName(node));
        this.loadValue = tf.withName(node + "_load_value").placeholder(TFloat32.class, Placeholder.shape(tfShape));
        this.load = tf.withName(node + "_load").assignVariableOp(handle, loadValue);
        this.snapshot = tf.withName(node + "_snapshot").readVariableOp(handle, TFloat32.class);
    }

    static String nodeName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.\\-]", "_");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "v" + cleaned : cleaned;
    }

    long[] shape() {
        return shape.clone();
    }

    /** A new read of the current value, for a graph being traced. */
    Operand<TFloat32> read(org.tensorflow.op.Ops tf) {
        return tf.readVariableOp(handle, TFloat32.class);
    }

    /** A new assignment of {@code value}, for a graph being traced. */
    AssignVariableOp assign(org.tensorflow.op.Ops tf, Operand<TFloat32> value) {
        return tf.assignVariableOp(handle, value);
    }

    Placeholder<TFloat32> loadValue() {
        return loadValue;
    }

    AssignVariableOp load() {
        return load;
    }

    ReadVariableOp<TFloat32> snapshot() {
        return snapshot;
    }
}
