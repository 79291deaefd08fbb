package org.polygrok.experiments.crosscheck;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.polygrok.plotting.results.Json;
import org.polygrok.experiments.metrics.Extrema;

/** The content of {@code curves.json}, and the console table of the same {@link CurveAgreement}. */
public final class CurveReport {
    private CurveReport() {
    }

    /** Everything curve mode measured, keyed in snake_case; {@code trials} maps backend to its trial folder. */
    public static Map<String, Object> toJson(String model, Map<String, String> trials, CurveAgreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("reference_backend", a.reference());
        m.put("steps", a.steps());
        m.put("passed", a.passed());
        m.put("tolerances", a.tolerances().toMap());
        m.put("backends", a.rows().stream().map(r -> row(r, trials.get(r.backend()))).toList());
        return m;
    }

    private static Map<String, Object> row(CurveAgreement.Row r, String trial) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", r.backend());
        m.put("trial", trial);
        m.put("evaluations_compared", r.evaluations());
        m.put("mean_abs_d_a_train", r.meanATrain());
        m.put("max_abs_d_a_train", r.maxATrain());
        m.put("mean_abs_d_a_val", r.meanAVal());
        m.put("max_abs_d_a_val", r.maxAVal());
        m.put("mean_abs_d_log_l_val", r.meanLogLVal());
        m.put("max_abs_d_log_l_val", r.maxLogLVal());
        Extrema e = r.extrema();
        m.put("t_f", Map.of("L_train", e.tfLTrain(), "L_val", e.tfLVal(), "A_train", e.tfATrain(), "A_val", e.tfAVal()));
        m.put("A_val", e.aVal());
        m.put("t_f_A_val_gap", r.grokkingGap());
        m.put("passed", r.passed());
        return m;
    }

    /** One line per backend and a verdict line, for the console. */
    public static String summary(CurveAgreement a) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s %6s %18s %18s %20s %9s %9s %9s  %s%n",
                "backend", "evals", "|dA_train| mean/max", "|dA_val| mean/max", "|dlog L_val| mean/max", "t_f(A_tr)",
                "t_f(A_val)", "A_val", "ok"));
        for (CurveAgreement.Row r : a.rows()) {
            s.append(String.format(Locale.ROOT, "%-8s %6d %8.4f/%-9.4f %8.4f/%-9.4f %9.4f/%-10.4f %9d %9d %9.3f  %s%n",
                    r.backend(), r.evaluations(), r.meanATrain(), r.maxATrain(), r.meanAVal(), r.maxAVal(),
                    r.meanLogLVal(), r.maxLogLVal(), r.extrema().tfATrain(), r.extrema().tfAVal(), r.extrema().aVal(),
                    r.backend().equals(a.reference()) ? "reference" : r.passed() ? "yes" : "NO"));
        }
        CurveTolerances t = a.tolerances();
        s.append(String.format(Locale.ROOT, "rule: mean |dA| <= %.3g, mean |dlog L_val| <= %.3g, |d t_f(A_val)| <= %.3g "
                + "x %d steps%n", t.accuracy(), t.logLoss(), t.grokkingStep(), a.steps()));
        s.append(a.passed() ? "verdict: the curves agree (same science from the same weights)"
                : "verdict: the curves DIFFER beyond the rule");
        return s.toString();
    }

    static void write(java.nio.file.Path file, String model, Map<String, String> trials, CurveAgreement a) {
        Json.write(file, toJson(model, trials, a));
    }
}
