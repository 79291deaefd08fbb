package org.polygrok.nd4j;

import java.util.Arrays;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;

/**
 * A node of a SameDiff graph being traced, with its shape and dtype known at trace time. It has no
 * values of its own: the graph is run later by the backend.
 */
public final class Nd4jTensor implements Tensor {
    private final SDVariable variable;
    private final long[] shape;
    private final DType dtype;
    private final Float constantValue;
    private final Supplier<Nd4jLstm.StepInputs> lstmInputs;

    Nd4jTensor(SDVariable variable, long[] shape, DType dtype) {
        this(variable, shape, dtype, null, null);
    }

    Nd4jTensor(SDVariable variable, long[] shape, DType dtype, Float constantValue) {
        this(variable, shape, dtype, constantValue, null);
    }

    private Nd4jTensor(SDVariable variable, long[] shape, DType dtype, Float constantValue,
            Supplier<Nd4jLstm.StepInputs> lstmInputs) {
        this.variable = variable;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.constantValue = constantValue;
        this.lstmInputs = lstmInputs;
    }

    /**
     * The same tensor, which an LSTM layer reading it takes as {@code lstmInputs} (an equivalent form
     * of the same values, built only when a layer asks) instead of transposing it.
     */
    Nd4jTensor withLstmInputs(Supplier<Nd4jLstm.StepInputs> lstmInputs) {
        return new Nd4jTensor(variable, shape, dtype, constantValue, lstmInputs);
    }

    /** This tensor's values as an LSTM layer's step inputs; null when it has no such form. */
    Supplier<Nd4jLstm.StepInputs> lstmInputs() {
        return lstmInputs;
    }

    /** The value of a one-element FLOAT32 constant, known at trace time; null for anything else. */
    Float constantValue() {
        return constantValue;
    }

    /** The SameDiff variable this tensor stands for. */
    public SDVariable variable() {
        return variable;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The shape without a defensive copy, for the ops' own arithmetic. */
    long[] shapeRef() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public HostArray toHostArray() {
        throw new IllegalStateException("'" + variable.name() + "' is a node of a SameDiff graph being traced;"
                + " it has values only once the graph runs");
    }

    @Override
    public void close() {
        // graph nodes live as long as their SameDiff instance
    }

    @Override
    public String toString() {
        return "Nd4jTensor[" + variable.name() + " " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
