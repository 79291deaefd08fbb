package org.polygrok.experiments.stats;

import org.polygrok.plotting.results.SeedComparison;

/**
 * Compares one metric of one group of seeds (a backend's) with another group (another backend's, or the
 * reference's): the permutation test's means, gap (mine − theirs) and p-value, the verdict — beyond seed
 * variation (p ≤ {@value SeedsNeeded#ALPHA}), within it, or undecided (these seed counts cannot reach p ≤ α at
 * all: 2 seeds against 2, or 4 against the reference's 2) — and the seeds per group the gap would need, as
 * summary.json's {@link SeedComparison} holds them.
 */
public final class SeedComparisons {
    private SeedComparisons() {
    }

    /**
     * Compares {@code mine} with {@code theirs} (per-seed values of {@code metric}); {@code theirsFixed}
     * when their seeds cannot grow (published numbers), which changes the seeds a gap needs.
     *
     * @param against what the seeds are compared with, e.g. "tf" or "reference rerun"
     */
    public static SeedComparison of(String metric, String against, double[] mine, double[] theirs,
            boolean theirsFixed) {
        PermutationTest.Result r = PermutationTest.of(theirs, mine);
        double gap = r.difference();
        Integer needed = theirsFixed ? SeedsNeeded.forGapAgainstFixed(Math.abs(gap), mine, theirs)
                : SeedsNeeded.forGap(Math.abs(gap), mine, theirs);
        SeedComparison.Verdict verdict = r.pValue() <= SeedsNeeded.ALPHA ? SeedComparison.Verdict.BEYOND
                : r.smallestP() <= SeedsNeeded.ALPHA ? SeedComparison.Verdict.WITHIN : SeedComparison.Verdict.UNDECIDED;
        return new SeedComparison(metric, against, mine.length, theirs.length, r.meanB(), r.meanA(), gap, r.pValue(),
                verdict, needed);
    }

    /** Against another backend whose seeds could grow as well. */
    public static SeedComparison of(String metric, String against, double[] mine, double[] theirs) {
        return of(metric, against, mine, theirs, false);
    }
}
