package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One entry of a summary row's {@code comparisons} (docs/RESULTS.md): one metric of the row's seeds against
 * another group's — another backend's of the same model, setting and α, or the course's published numbers —
 * by the exact two-sided permutation test of the difference of means: the two means, the gap
 * ({@code mean − otherMean}), the p-value, the verdict, and the seeds per side the gap would need (null when
 * there is no gap, {@link Integer#MAX_VALUE} when no count is enough). The experiments compute it; summary.md
 * and the report show it, and the report's "≠" mark is its {@link Verdict#BEYOND}: the one rule for "differs
 * beyond seed variation".
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"metric", "against", "seeds", "other_seeds", "mean", "other_mean", "gap", "p_value", "verdict",
        "decidable", "seeds_needed"})
public record SeedComparison(String metric, String against, int seeds, int otherSeeds, double mean, double otherMean,
        double gap, double pValue, Verdict verdict, Integer seedsNeeded) {

    /** The permutation test's outcome at p ≤ 0.05. */
    public enum Verdict {
        /** p ≤ 0.05: the gap is beyond seed variation. */
        @JsonProperty("beyond") BEYOND,
        /** p > 0.05 though these seed counts could reach 0.05: within seed variation. */
        @JsonProperty("within") WITHIN,
        /** These seed counts cannot reach p ≤ 0.05 at all (2 against 2, or 4 against the reference's 2). */
        @JsonProperty("undecided") UNDECIDED;

        /** As the seed-variation tables write it: "beyond", "within", "undecided†" († explained beside them). */
        public String shown() {
            return this == UNDECIDED ? "undecided†" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A comparison without a verdict (a hand-edited file) decides nothing. */
    public SeedComparison {
        verdict = verdict == null ? Verdict.UNDECIDED : verdict;
    }

    public boolean beyond() {
        return verdict == Verdict.BEYOND;
    }

    /** Whether these seed counts can reach p ≤ 0.05 at all. */
    @JsonProperty("decidable")
    public boolean decidable() {
        return verdict != Verdict.UNDECIDED;
    }

    /** "+2.1e-5, p = 0.34: within (12 seeds)", the verdict written as {@code verdictText}. */
    public String describe(String verdictText) {
        String needed = seedsNeeded == null ? "no gap" : seedsNeeded == Integer.MAX_VALUE ? "no seed count"
                : seedsNeeded + " seeds";
        return (gap > 0 ? "+" : "") + SummaryMetrics.significant(gap) + ", p = " + SummaryMetrics.significant(pValue)
                + ": " + verdictText + " (" + needed + ")";
    }
}
