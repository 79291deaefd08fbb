package org.polygrok.api.nn;

import java.util.Arrays;
import org.polygrok.api.Shapes;

/**
 * A trainable tensor's declaration: shape and initialiser. Its value lives in a backend, which
 * maps each Parameter (by identity) to an engine variable; {@link org.polygrok.api.Ops#param}
 * reads it. The full dotted name comes from the module tree ({@link Module#namedParameters()}).
 */
public final class Parameter {
    private final String localName;
    private final long[] shape;
    private final Initializer initializer;

    public Parameter(String localName, long[] shape, Initializer initializer) {
        this.localName = localName;
        this.shape = shape.clone();
        this.initializer = initializer;
    }

    public String localName() {
        return localName;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long size() {
        return Shapes.size(shape);
    }

    public Initializer initializer() {
        return initializer;
    }

    @Override
    public String toString() {
        return localName + Arrays.toString(shape);
    }
}
