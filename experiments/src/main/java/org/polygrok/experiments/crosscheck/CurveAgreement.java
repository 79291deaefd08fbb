package org.polygrok.experiments.crosscheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.metrics.Extrema;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.experiments.metrics.TrialSummary;

/**
 * Curve mode's comparison: whole evaluation curves of every backend, trained from the same initial
 * weights, against the first backend's, at the evaluated steps both logged — mean and max of |ΔA_train|,
 * |ΔA_val| and |Δ log L_val|, and each backend's t_f — with a pass/fail rule ({@link CurveTolerances}):
 * a backend passes when the three means and its t_f(A_val) gap are within their tolerances.
 */
public final class CurveAgreement {
    /** One backend against the reference. */
    public record Row(String backend, int evaluations, double meanATrain, double maxATrain, double meanAVal,
            double maxAVal, double meanLogLVal, double maxLogLVal, Extrema extrema, long grokkingGap, boolean passed) {
    }

    private final Map<String, List<MetricsRecord>> curves;
    private final CurveTolerances tolerances;
    private final long steps;
    private final List<Row> rows = new ArrayList<>();

    private CurveAgreement(Map<String, List<MetricsRecord>> curves, CurveTolerances tolerances, long steps) {
        this.curves = curves;
        this.tolerances = tolerances;
        this.steps = steps;
    }

    /**
     * @param curves each backend's evaluations, in order; the first is the reference
     * @param steps the run's training steps (the scale of the t_f tolerance)
     * @throws IllegalArgumentException with fewer than two backends or an empty curve
     */
    public static CurveAgreement of(Map<String, List<MetricsRecord>> curves, CurveTolerances tolerances, long steps) {
        if (curves.size() < 2) {
            throw new IllegalArgumentException("curve mode needs at least two backends, got " + curves.keySet());
        }
        curves.forEach((b, c) -> {
            if (c.isEmpty()) {
                throw new IllegalArgumentException("backend " + b + " logged no evaluation");
            }
        });
        CurveAgreement a = new CurveAgreement(new LinkedHashMap<>(curves), tolerances, steps);
        a.compare();
        return a;
    }

    private void compare() {
        List<MetricsRecord> ref = curves.values().iterator().next();
        Map<Long, MetricsRecord> byStep = new LinkedHashMap<>();
        ref.forEach(r -> byStep.putIfAbsent(r.step(), r));
        Extrema refExtrema = TrialSummary.of(ref).overall();
        boolean first = true;
        for (Map.Entry<String, List<MetricsRecord>> e : curves.entrySet()) {
            Extrema extrema = TrialSummary.of(e.getValue()).overall();
            if (first) {
                rows.add(new Row(e.getKey(), ref.size(), 0, 0, 0, 0, 0, 0, extrema, 0, true));
                first = false;
                continue;
            }
            double[] sum = new double[3];
            double[] max = new double[3];
            int n = 0;
            for (MetricsRecord r : e.getValue()) {
                MetricsRecord o = byStep.get(r.step());
                if (o == null) {
                    continue;
                }
                double[] d = {Math.abs(r.trainAccuracy() - o.trainAccuracy()), Math.abs(r.valAccuracy() - o.valAccuracy()),
                    Math.abs(Math.log(r.valLoss()) - Math.log(o.valLoss()))};
                for (int k = 0; k < 3; k++) {
                    sum[k] += d[k]; // a NaN makes the mean NaN, which fails
                    max[k] = Double.isNaN(d[k]) || Double.isNaN(max[k]) ? Double.NaN : Math.max(max[k], d[k]);
                }
                n++;
            }
            double[] mean = new double[3];
            for (int k = 0; k < 3; k++) {
                mean[k] = n == 0 ? Double.NaN : sum[k] / n;
            }
            long gap = Math.abs(extrema.tfAVal() - refExtrema.tfAVal());
            boolean passed = mean[0] <= tolerances.accuracy() && mean[1] <= tolerances.accuracy()
                    && mean[2] <= tolerances.logLoss() && gap <= tolerances.grokkingStep() * steps;
            rows.add(new Row(e.getKey(), n, mean[0], max[0], mean[1], max[1], mean[2], max[2], extrema, gap, passed));
        }
    }

    /** The reference first (all zeros), then each other backend. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Map<String, List<MetricsRecord>> curves() {
        return java.util.Collections.unmodifiableMap(curves);
    }

    public CurveTolerances tolerances() {
        return tolerances;
    }

    public long steps() {
        return steps;
    }

    public String reference() {
        return rows.get(0).backend();
    }

    public boolean passed() {
        return rows.stream().allMatch(Row::passed);
    }
}
