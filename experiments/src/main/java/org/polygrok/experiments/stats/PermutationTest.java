package org.polygrok.experiments.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two-sided permutation test of the difference of means of two small samples: the p-value is the
 * share of all ways to split the pooled values into groups of the same sizes whose |mean difference|
 * is at least the observed one. Exact (every split enumerated) up to {@value #EXACT_LIMIT} splits,
 * e.g. 10 seeds against 10; beyond that {@value #DRAWS} random splits with a fixed seed, counted as
 * (hits + 1) / (draws + 1). It assumes only that the seeds are exchangeable, so it holds at any
 * number of seeds — and says honestly when there are too few: with 2 seeds against 2 no split can give
 * p below 1/3.
 */
public final class PermutationTest {
    /** Above this many splits, the p-value is estimated from random splits. */
    public static final long EXACT_LIMIT = 200_000;
    static final int DRAWS = 100_000;
    /** Differences this close to the observed one count as equal (rounding of the sums). */
    private static final double RELATIVE_TIE = 1e-9;

    /** The test's outcome: the means, their difference b − a, the p-value and the smallest p these sizes allow. */
    public record Result(double meanA, double meanB, double difference, double pValue, double smallestP,
            boolean exact) {
    }

    private PermutationTest() {
    }

    /**
     * @throws IllegalArgumentException when a group is empty or a value is not finite
     */
    public static Result of(double[] a, double[] b) {
        check(a, "first");
        check(b, "second");
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double total = Arrays.stream(pooled).sum();
        double meanA = mean(a);
        double meanB = mean(b);
        double observed = Math.abs(meanB - meanA);
        double tie = RELATIVE_TIE * Math.max(1e-300, Arrays.stream(pooled).map(Math::abs).max().orElse(0));
        long splits = binomial(pooled.length, a.length);
        double smallest = smallestP(a.length, b.length, splits);
        if (splits <= EXACT_LIMIT) {
            long[] hits = {0};
            enumerate(pooled, a.length, 0, 0, 0.0, total, observed - tie, hits);
            return new Result(meanA, meanB, meanB - meanA, hits[0] / (double) splits, smallest, true);
        }
        SplittableRandom random = new SplittableRandom(20_26L);
        double[] shuffled = pooled.clone();
        long hits = 0;
        for (int d = 0; d < DRAWS; d++) {
            double sumA = 0;
            for (int i = 0; i < a.length; i++) { // partial Fisher–Yates: the first a.length values form group A
                int j = i + random.nextInt(shuffled.length - i);
                double t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
                sumA += shuffled[i];
            }
            if (gap(sumA, a.length, total, b.length) >= observed - tie) {
                hits++;
            }
        }
        return new Result(meanA, meanB, meanB - meanA, (hits + 1) / (double) (DRAWS + 1), smallest, false);
    }

    /** The smallest p-value any data can give with these group sizes: the most extreme split (and its mirror when the sizes are equal). */
    public static double smallestP(int sizeA, int sizeB) {
        return smallestP(sizeA, sizeB, binomial(sizeA + sizeB, sizeA));
    }

    private static double smallestP(int sizeA, int sizeB, long splits) {
        return Math.min(1.0, (sizeA == sizeB ? 2.0 : 1.0) / splits);
    }

    /** Visits every choice of {@code left} more members of group A among pooled[from..]. */
    private static void enumerate(double[] pooled, int left, int from, int chosen, double sumA, double total,
            double threshold, long[] hits) {
        int sizeA = chosen + left;
        if (left == 0) {
            if (gap(sumA, sizeA, total, pooled.length - sizeA) >= threshold) {
                hits[0]++;
            }
            return;
        }
        for (int i = from; i <= pooled.length - left; i++) {
            enumerate(pooled, left - 1, i + 1, chosen + 1, sumA + pooled[i], total, threshold, hits);
        }
    }

    private static double gap(double sumA, int sizeA, double total, int sizeB) {
        return Math.abs((total - sumA) / sizeB - sumA / sizeA);
    }

    /** C(n, k), saturating at Long.MAX_VALUE. */
    static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            try {
                c = Math.multiplyExact(c, n - k + i) / i; // exact: c·(n−k+i) = C(n−k+i, i)·i
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    static double mean(double[] x) {
        return Arrays.stream(x).sum() / x.length;
    }

    private static void check(double[] x, String which) {
        if (x.length == 0) {
            throw new IllegalArgumentException("the " + which + " group has no value to compare");
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + which + " group holds a non-finite value: " + v);
            }
        }
    }
}
