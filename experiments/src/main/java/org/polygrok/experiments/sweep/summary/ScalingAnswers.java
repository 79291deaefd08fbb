package org.polygrok.experiments.sweep.summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/**
 * Q3 (d), per backend and model, from the seed means: the smallest r_train whose A_val reaches 0.9,
 * and the largest r_train that memorises (A_train ≥ 0.99) without generalising (A_val ≤ 0.5).
 */
public final class ScalingAnswers {
    public static final double GENERALISED = 0.9;
    public static final double MEMORISED = 0.99;
    public static final double NOT_GENERALISED = 0.5;

    private ScalingAnswers() {
    }

    /** The two answers of one backend and model; empty when no r_train qualifies. */
    public record Answer(String backend, String model, Optional<Double> smallestGeneralising,
            Optional<Double> largestMemorisingOnly) {
        @Override
        public String toString() {
            return backend + " " + SummaryMetrics.model(model) + ": the smallest r_train with A_val ≥ " + GENERALISED
                    + " is " + smallestGeneralising.map(SummaryMetrics::plain).orElse("none of those run")
                    + "; the largest with A_train ≥ " + MEMORISED + " and A_val ≤ " + NOT_GENERALISED + " is "
                    + largestMemorisingOnly.map(SummaryMetrics::plain).orElse("none of those run") + ".";
        }
    }

    public static List<Answer> answers(List<SummaryRow> rows) {
        List<Answer> out = new ArrayList<>();
        LinkedHashSet<List<String>> groups = new LinkedHashSet<>();
        rows.forEach(r -> groups.add(List.of(r.backend(), r.model())));
        for (List<String> g : groups) {
            List<SummaryRow> mine = rows.stream().filter(r -> r.backend().equals(g.get(0)) && r.model().equals(g.get(1))
                    && r.hasMetrics()).toList();
            Optional<Double> smallest = mine.stream().filter(r -> mean(r, "A_val") >= GENERALISED).map(ScalingAnswers::r)
                    .min(Double::compare);
            Optional<Double> largest = mine.stream().filter(r -> mean(r, "A_train") >= MEMORISED
                    && mean(r, "A_val") <= NOT_GENERALISED).map(ScalingAnswers::r).max(Double::compare);
            out.add(new Answer(g.get(0), g.get(1), smallest, largest));
        }
        return out;
    }

    static List<String> of(List<SummaryRow> rows) {
        return answers(rows).stream().map(Answer::toString).toList();
    }

    private static double mean(SummaryRow r, String key) {
        MeanStd v = r.metric(key);
        return v.mean();
    }

    private static double r(SummaryRow row) {
        return ((Number) row.setting().get("r_train")).doubleValue();
    }
}
