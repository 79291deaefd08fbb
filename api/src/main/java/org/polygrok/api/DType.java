package org.polygrok.api;

/** Element types a polygrok tensor can hold: parameters and activations are FLOAT32, token ids INT32. */
public enum DType {
    FLOAT32,
    INT32
}
