package org.polygrok.experiments.stats;

/**
 * How many seeds per group would tell a gap apart: the normal-approximation sample size for a two-sided
 * test at level {@value #ALPHA} with power {@value #POWER}, n = 2 (z₀.₉₇₅ + z₀.₈)² s² / Δ², where s² is
 * the pooled per-seed variance (ddof = 1) — and never fewer than {@link #FLOOR}, the fewest seeds per
 * group with which the permutation test can reach p ≤ {@value #ALPHA} at all (2 / C(8, 4) = 0.029;
 * 3 against 3 gives at best 0.1).
 */
public final class SeedsNeeded {
    public static final double ALPHA = 0.05;
    public static final double POWER = 0.8;
    /** Fewest seeds per group for which the exact test can reject at {@link #ALPHA}. */
    public static final int FLOOR = floor();
    /** z₀.₉₇₅ + z₀.₈. */
    private static final double Z_SUM = 1.959963984540054 + 0.8416212335729143;

    private SeedsNeeded() {
    }

    /**
     * Seeds per group (both groups growing) to tell {@code gap} apart given the two groups' values;
     * {@code null} when there is no gap (0) to tell apart.
     */
    public static Integer forGap(double gap, double[] a, double[] b) {
        if (gap == 0 || !Double.isFinite(gap)) {
            return null;
        }
        double variance = pooledVariance(a, b);
        double n = 2 * Z_SUM * Z_SUM * variance / (gap * gap);
        if (n > Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return Math.max(FLOOR, (int) Math.ceil(n));
    }

    /**
     * Seeds of the first group to tell {@code gap} apart from a second group that cannot grow (the
     * reference's published seeds): var(Δ) = s² (1/n + 1/m), and never fewer than the smallest n whose
     * exact test can reach p ≤ α against m values; {@link Integer#MAX_VALUE} when no n can (the fixed
     * group alone is too noisy for this gap), {@code null} when there is no gap.
     */
    public static Integer forGapAgainstFixed(double gap, double[] a, double[] fixed) {
        if (gap == 0 || !Double.isFinite(gap)) {
            return null;
        }
        int floor = 1;
        while (PermutationTest.smallestP(floor, fixed.length) > ALPHA) {
            floor++;
        }
        double room = gap * gap / (Z_SUM * Z_SUM * pooledVariance(a, fixed)) - 1.0 / fixed.length; // = 1/n
        if (!(room > 0)) {
            return pooledVariance(a, fixed) == 0 ? floor : Integer.MAX_VALUE;
        }
        double n = 1 / room;
        return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(floor, (int) Math.ceil(n));
    }

    /** Σ (x − mean)² over both groups, each about its own mean, divided by n_a + n_b − 2; 0 with one seed each. */
    static double pooledVariance(double[] a, double[] b) {
        int dof = a.length + b.length - 2;
        return dof <= 0 ? 0 : (squares(a) + squares(b)) / dof;
    }

    private static double squares(double[] x) {
        double m = PermutationTest.mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s;
    }

    private static int floor() {
        int n = 1;
        while (PermutationTest.smallestP(n, n) > ALPHA) {
            n++;
        }
        return n;
    }
}
