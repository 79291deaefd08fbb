package org.polygrok.experiments.crosscheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polygrok.experiments.metrics.SetMetrics;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialConfig;

/** The content of {@code crosscheck.json}, and the console summary of the same agreement. */
public final class CrosscheckReport {
    private CrosscheckReport() {
    }

    /** Everything a reader needs to judge the agreement, keyed in snake_case (docs/RESULTS.md style). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toJson(TrialConfig config, Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", config.model());
        m.put("backends", a.runs().stream().map(BackendTrajectory::backend).toList());
        m.put("reference_backend", a.reference().backend());
        m.put("steps", a.reference().steps());
        m.put("agree", a.agrees());
        m.put("verdict", a.verdict().name().toLowerCase(Locale.ROOT));
        m.put("verdict_text", a.verdict().describe(a.horizons()));
        m.put("horizons", a.horizons().stream().map(h -> horizon(h, a.reference().backend())).toList());
        m.put("tolerances", a.tolerances().toMap());
        m.put("checks", a.checks().stream().map(CrosscheckReport::check).toList());
        m.put("largest", largest(a));
        Map<String, Object> engines = new LinkedHashMap<>();
        Map<String, Object> atStart = new LinkedHashMap<>();
        Map<String, Object> atEnd = new LinkedHashMap<>();
        Map<String, Object> losses = new LinkedHashMap<>();
        Map<String, Object> seconds = new LinkedHashMap<>();
        for (BackendTrajectory r : a.runs()) {
            engines.put(r.backend(), r.engine());
            atStart.put(r.backend(), metrics(r.trainAtStart(), r.valAtStart()));
            atEnd.put(r.backend(), metrics(r.trainAtEnd(), r.valAtEnd()));
            losses.put(r.backend(), r.losses());
            seconds.put(r.backend(), Math.round(r.seconds() * 1000) / 1000.0);
        }
        m.put("engines", engines);
        m.put("step0", atStart);
        m.put("after_last_step", atEnd);
        m.put("losses", losses);
        m.put("per_step", perStep(a));
        m.put("seconds", seconds);
        m.put("config", Json.mapper().convertValue(config, Map.class));
        return m;
    }

    private static Map<String, Object> horizon(Horizon h, String reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", h.backend());
        m.put("cause", h.cause().name().toLowerCase(Locale.ROOT));
        m.put("last_agreeing_step", h.lastAgreeing());
        m.put("spikes", h.spikes());
        m.put("brief_excursions", h.excursions());
        m.put("text", h.describe(reference));
        return m;
    }

    private static Map<String, Object> check(Agreement.Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", c.backend());
        m.put("quantity", c.quantity());
        m.put("difference", c.difference());
        m.put("tolerance", c.tolerance());
        m.put("where", c.where());
        m.put("passed", c.passed());
        return m;
    }

    private static Map<String, Object> largest(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss_abs", max(a.maxAbsolutePerStep()));
        m.put("loss_rel", max(a.maxRelativePerStep()));
        m.put("step0_loss_abs", a.checks().stream().filter(c -> c.quantity().startsWith("step-0"))
                .mapToDouble(Agreement.Check::difference).reduce(0, CrosscheckReport::nanMax));
        m.put("weight_abs", a.checks().stream().filter(c -> c.quantity().startsWith("weights"))
                .mapToDouble(Agreement.Check::difference).reduce(0, CrosscheckReport::nanMax));
        return m;
    }

    private static Map<String, Object> metrics(SetMetrics train, SetMetrics val) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_loss", train.loss());
        m.put("train_accuracy", train.accuracy());
        m.put("val_loss", val.loss());
        m.put("val_accuracy", val.accuracy());
        return m;
    }

    private static List<Map<String, Object>> perStep(Agreement a) {
        double[] abs = a.maxAbsolutePerStep();
        double[] rel = a.maxRelativePerStep();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < abs.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", i + 1);
            row.put("max_abs_diff", abs[i]);
            row.put("max_rel_diff", rel[i]);
            rows.add(row);
        }
        return rows;
    }

    /** One line per check and a verdict line, for the console. */
    public static String summary(Agreement a) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-8s %-28s %12s %10s  %-4s  %s%n", "backend", "difference to "
                + a.reference().backend(), "|diff|", "tolerance", "ok", "where"));
        for (Agreement.Check c : a.checks()) {
            s.append(String.format(Locale.ROOT, "%-8s %-28s %12.3e %10.0e  %-4s  %s%n", c.backend(), c.quantity(),
                    c.difference(), c.tolerance(), c.passed() ? "yes" : "NO", c.where()));
        }
        s.append(String.format(Locale.ROOT, "largest per-step loss difference: %.3e absolute, %.3e relative%n",
                max(a.maxAbsolutePerStep()), max(a.maxRelativePerStep())));
        a.horizons().forEach(h -> s.append("horizon: ").append(h.describe(a.reference().backend())).append('\n'));
        s.append("verdict: ").append(a.verdict().describe(a.horizons()));
        return s.toString();
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = nanMax(m, v);
        }
        return m;
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }
}
