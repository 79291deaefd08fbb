package org.polygrok.api.nn;

import java.util.Arrays;
import org.polygrok.api.random.Mt19937;

/**
 * The initial-value distributions of PROTOCOL §3.1 as {@link Initializer}s, drawn from the model's
 * one seeded {@link Mt19937}: uniform values from {@link Mt19937#nextDouble()}, normal values from
 * {@link Mt19937#nextGaussian()}, each computed in double and then rounded to float, in row-major
 * order. Linear weights are shaped (out, in), so fan_in = shape[1] and fan_out = shape[0].
 */
public final class Init {
    private Init() {
    }

    /** U(−bound, bound), as numpy's {@code uniform(-bound, bound)}: −bound + 2·bound·u. */
    public static Initializer uniform(double bound) {
        if (!(bound >= 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("a uniform bound must be finite and non-negative, got " + bound);
        }
        return (values, shape, random) -> {
            double low = -bound;
            double width = 2 * bound;
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (low + width * random.nextDouble());
            }
        };
    }

    /** torch's default nn.Linear weight: U(±1/√fan_in) with fan_in = shape[1]. */
    public static Initializer linearWeight() {
        return (values, shape, random) -> {
            long[] matrix = requireMatrix(shape, "a Linear weight");
            uniform(1.0 / Math.sqrt(matrix[1])).fill(values, shape, random);
        };
    }

    /** torch's default nn.Linear bias: U(±1/√fan_in), fan_in being the layer's input size. */
    public static Initializer linearBias(long fanIn) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("a Linear bias needs a positive fan_in, got " + fanIn);
        }
        return uniform(1.0 / Math.sqrt(fanIn));
    }

    /** Xavier (Glorot) uniform: U(±√(6/(fan_in + fan_out))) with fan_in = shape[1], fan_out = shape[0]. */
    public static Initializer xavierUniform() {
        return (values, shape, random) -> {
            long[] matrix = requireMatrix(shape, "a Xavier-initialised weight");
            uniform(Math.sqrt(6.0 / (matrix[0] + matrix[1]))).fill(values, shape, random);
        };
    }

    /** N(0, 1) everywhere. */
    public static Initializer standardNormal() {
        return (values, shape, random) -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
        };
    }

    /**
     * N(0, 1) with one row set to zero afterwards, as torch's nn.Embedding with padding_idx: every
     * row is drawn (the padding row's draws are consumed), then the padding row is zeroed.
     */
    public static Initializer standardNormalWithZeroRow(int paddingRow) {
        return (values, shape, random) -> {
            long[] matrix = requireMatrix(shape, "an embedding table");
            if (paddingRow < 0 || paddingRow >= matrix[0]) {
                throw new IllegalArgumentException("padding row " + paddingRow + " is outside the "
                        + matrix[0] + " rows of the embedding table");
            }
            standardNormal().fill(values, shape, random);
            int width = Math.toIntExact(matrix[1]);
            Arrays.fill(values, paddingRow * width, (paddingRow + 1) * width, 0f);
        };
    }

    /** All zeros; draws nothing. */
    public static Initializer zeros() {
        return (values, shape, random) -> Arrays.fill(values, 0f);
    }

    /** All ones; draws nothing. */
    public static Initializer ones() {
        return (values, shape, random) -> Arrays.fill(values, 1f);
    }

    private static long[] requireMatrix(long[] shape, String what) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(what + " must be a matrix, got shape " + Arrays.toString(shape));
        }
        return shape;
    }
}
