package org.polygrok.api.random;

/**
 * The Mersenne Twister MT19937 exactly as numpy's legacy {@code RandomState(seed)}: the same
 * 32-bit words, the same 53-bit doubles, the same shuffle. The one source of randomness that
 * gives the same data splits, initial weights and batches on every backend (and, for the data
 * split, the same as the PyTorch reference).
 */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    public Mt19937(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next tempered 32-bit word, as an unsigned value in a long. */
    public long nextUnsignedInt() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }

    /** A double in [0, 1) from two words, as numpy's {@code random_sample}. */
    public double nextDouble() {
        long a = nextUnsignedInt() >>> 5;
        long b = nextUnsignedInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** A standard normal value by numpy's legacy polar Box–Muller ({@code RandomState.standard_normal}). */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        spareGaussian = f * x1;
        hasSpareGaussian = true;
        return f * x2;
    }

    /** A uniform integer in [0, max] by masked rejection, as numpy's legacy bounded draw. */
    public long nextBounded(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        if (max > 0xffffffffL) {
            throw new IllegalArgumentException("bounds above 2^32 are not needed here");
        }
        long u;
        do {
            u = nextUnsignedInt() & mask;
        } while (u > max);
        return u;
    }

    /** In-place Fisher–Yates from the end, as {@code RandomState.shuffle}. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) nextBounded(i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** A shuffled [0, n), as {@code RandomState.permutation(n)}. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
