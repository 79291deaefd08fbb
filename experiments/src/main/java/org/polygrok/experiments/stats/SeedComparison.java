package org.polygrok.experiments.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric of one group of seeds (a backend's) against another group (another backend's, or the
 * reference's): the means, the gap (mine − theirs), the permutation test's p-value, whether the gap is
 * beyond seed variation (p ≤ {@value SeedsNeeded#ALPHA}), whether these seed counts could show that at
 * all, and the seeds per group the gap would need.
 *
 * @param against what the seeds are compared with, e.g. "tf" or "reference rerun"
 */
public record SeedComparison(String metric, String against, int seeds, int otherSeeds, double mean, double otherMean,
        double gap, double pValue, boolean beyond, boolean decidable, Integer seedsNeeded) {

    /** The words for the two outcomes in summaries and the report. */
    public static final String BEYOND = "beyond seed variation";
    public static final String WITHIN = "within seed variation";

    /** Compares {@code mine} with {@code theirs} (per-seed values of {@code metric}). */
    public static SeedComparison of(String metric, String against, double[] mine, double[] theirs) {
        PermutationTest.Result r = PermutationTest.of(theirs, mine);
        double gap = r.difference();
        return new SeedComparison(metric, against, mine.length, theirs.length, r.meanB(), r.meanA(), gap, r.pValue(),
                r.pValue() <= SeedsNeeded.ALPHA, r.smallestP() <= SeedsNeeded.ALPHA,
                SeedsNeeded.forGap(Math.abs(gap), mine, theirs));
    }

    public String verdict() {
        return beyond ? BEYOND : WITHIN;
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
        m.put("verdict", beyond ? "beyond" : "within");
        m.put("decidable", decidable);
        m.put("seeds_needed", seedsNeeded);
        return m;
    }
}
