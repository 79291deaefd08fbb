package org.polygrok.api;

import java.util.List;

/** A scalar function's value and its gradient with respect to each FLOAT32 input (null for INT32 inputs). */
public record ValueAndGradients(float value, List<HostArray> gradients) {
}
