package org.polygrok.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polygrok.plotting.results.SeedComparison;
import org.polygrok.plotting.results.SummaryMetrics;

/**
 * Every Table-1 metric of every backend compared with every other backend's, per model, setting and
 * α, and — where the course published numbers (Q1) — with the reference's: one {@link SeedComparison}
 * per metric and pair. A group needs at least two finished seeds to be compared (one seed says nothing
 * about seed variation).
 */
public final class SeedStatistics {
    /** Table 1's quantities (PROTOCOL §7), the ones compared. */
    public static final List<String> METRICS = SummaryMetrics.METRICS;
    /** The fewest finished seeds a group needs to be compared. */
    public static final int MIN_SEEDS = 2;

    /** A group and its comparisons (empty when it has too few seeds). */
    public record Row(SeedGroup group, List<SeedComparison> comparisons) {
    }

    private final List<Row> rows;
    private final boolean withReference;

    private SeedStatistics(List<Row> rows, boolean withReference) {
        this.rows = List.copyOf(rows);
        this.withReference = withReference;
    }

    /**
     * Compares the groups; with {@code withReference}, the groups without α also with the published
     * numbers of their model ({@link ReferenceResults}).
     */
    public static SeedStatistics of(List<SeedGroup> groups, boolean withReference) {
        List<Row> rows = new ArrayList<>();
        for (SeedGroup g : groups) {
            List<SeedComparison> out = new ArrayList<>();
            if (g.seeds().size() >= MIN_SEEDS) {
                for (SeedGroup o : groups) {
                    if (o != g && o.sameCell(g) && !o.backend().equals(g.backend()) && o.seeds().size() >= MIN_SEEDS) {
                        compare(g, o.backend(), o.values(), false, out);
                    }
                }
                if (withReference && g.alpha() == null) {
                    ReferenceResults.forModel(g.model()).forEach(s -> compare(g, s.label(), s.perSeed(), true, out));
                }
            }
            rows.add(new Row(g, out));
        }
        return new SeedStatistics(rows, withReference);
    }

    private static void compare(SeedGroup g, String against, Map<String, double[]> theirs, boolean fixed,
            List<SeedComparison> out) {
        for (String m : METRICS) {
            double[] mine = g.values().get(m);
            double[] other = theirs.get(m);
            if (mine != null && other != null && allFinite(mine) && allFinite(other)) {
                out.add(SeedComparisons.of(m, against, mine, other, fixed));
            }
        }
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean withReference() {
        return withReference;
    }

    /** The row of that backend, model, setting and α. */
    public Optional<Row> row(String backend, String model, Map<String, Object> setting, Double alpha) {
        return rows.stream().filter(r -> r.group().isRow(backend, model, setting, alpha)).findFirst();
    }

    /** Whether any pair was compared. */
    public boolean isEmpty() {
        return rows.stream().allMatch(r -> r.comparisons().isEmpty());
    }
}
