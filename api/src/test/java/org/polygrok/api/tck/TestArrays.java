package org.polygrok.api.tck;

import org.polygrok.api.HostArray;
import org.polygrok.api.Shapes;
import org.polygrok.api.random.Mt19937;

/** Seeded input arrays for the kit (the same on every backend and every run). */
public final class TestArrays {
    private TestArrays() {
    }

    /** Uniform values in [low, high). */
    public static HostArray uniform(long seed, double low, double high, long... shape) {
        Mt19937 random = new Mt19937(seed);
        float[] v = new float[Math.toIntExact(Shapes.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return HostArray.of(v, shape);
    }

    /** Standard normal values. */
    public static HostArray normal(long seed, long... shape) {
        Mt19937 random = new Mt19937(seed);
        float[] v = new float[Math.toIntExact(Shapes.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return HostArray.of(v, shape);
    }

    /** Distinct values (a shuffled, scaled range), for max and minimum without ties. */
    public static HostArray distinct(long seed, long... shape) {
        int n = Math.toIntExact(Shapes.size(shape));
        int[] order = new Mt19937(seed).permutation(n);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (order[i] - n / 2f) / n * 4f;
        }
        return HostArray.of(v, shape);
    }

    /** Ids uniform in [0, bound). */
    public static HostArray ids(long seed, int bound, long... shape) {
        Mt19937 random = new Mt19937(seed);
        int[] v = new int[Math.toIntExact(Shapes.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) random.nextBounded(bound - 1);
        }
        return HostArray.ofInts(v, shape);
    }

    public static HostArray floats(float[] values, long... shape) {
        return HostArray.of(values, shape);
    }

    public static HostArray ints(int[] values, long... shape) {
        return HostArray.ofInts(values, shape);
    }
}
