package org.polygrok.experiments.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric of one group of seeds (a backend's) against another group (another backend's, or the
 * reference's): the means, the gap (mine − theirs), the permutation test's p-value, whether the gap is
 * beyond seed variation (p ≤ {@value SeedsNeeded#ALPHA}), within it, or undecided (these seed counts
 * cannot reach p ≤ α at all: 2 seeds against 2, or 4 against the reference's 2), and the seeds per group
 * the gap would need.
 *
 * @param against what the seeds are compared with, e.g. "tf" or "reference rerun"
 */
public record SeedComparison(String metric, String against, int seeds, int otherSeeds, double mean, double otherMean,
        double gap, double pValue, boolean beyond, boolean decidable, Integer seedsNeeded) {

    /** The words for the two outcomes in summaries and the report. */
    public static final String BEYOND = "beyond seed variation";
    public static final String WITHIN = "within seed variation";
    public static final String UNDECIDED = "too few seeds to decide";

    /**
     * Compares {@code mine} with {@code theirs} (per-seed values of {@code metric}); {@code theirsFixed}
     * when their seeds cannot grow (published numbers), which changes the seeds a gap needs.
     */
    public static SeedComparison of(String metric, String against, double[] mine, double[] theirs,
            boolean theirsFixed) {
        PermutationTest.Result r = PermutationTest.of(theirs, mine);
        double gap = r.difference();
        Integer needed = theirsFixed ? SeedsNeeded.forGapAgainstFixed(Math.abs(gap), mine, theirs)
                : SeedsNeeded.forGap(Math.abs(gap), mine, theirs);
        return new SeedComparison(metric, against, mine.length, theirs.length, r.meanB(), r.meanA(), gap, r.pValue(),
                r.pValue() <= SeedsNeeded.ALPHA, r.smallestP() <= SeedsNeeded.ALPHA, needed);
    }

    /** Against another backend whose seeds could grow as well. */
    public static SeedComparison of(String metric, String against, double[] mine, double[] theirs) {
        return of(metric, against, mine, theirs, false);
    }

    /** Beyond, within, or — when these seed counts cannot reach p ≤ α at all — undecided. */
    public String verdict() {
        return beyond ? BEYOND : decidable ? WITHIN : UNDECIDED;
    }

    /** The summary.json form (docs/RESULTS.md), snake_case. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric);
        m.put("against", against);
        m.put("seeds", seeds);
        m.put("other_seeds", otherSeeds);
        m.put("mean", mean);
        m.put("other_mean", otherMean);
        m.put("gap", gap);
        m.put("p_value", pValue);
        m.put("verdict", beyond ? "beyond" : decidable ? "within" : "undecided");
        m.put("decidable", decidable);
        m.put("seeds_needed", seedsNeeded);
        return m;
    }
}
