package org.polygrok.experiments.sweep.summary;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.polygrok.experiments.metrics.MeanStd;

/** How summary quantities are written in tables: labels, mean ± std, and which way is best. */
final class SummaryFormat {
    private SummaryFormat() {
    }

    /** The table label of a summary key, e.g. "t_f(A_val)", "Δt(L)", "binary L_train", "‖θ‖₂". */
    static String label(String key) {
        for (String prefix : SweepSummary.ORDER_PREFIXES) {
            if (key.startsWith(prefix)) {
                return prefix.substring(0, prefix.length() - 1) + " " + label(key.substring(prefix.length()));
            }
        }
        if (key.equals(SweepSummary.PARAM_NORM)) {
            return "‖θ‖₂";
        }
        if (key.startsWith("t_f_")) {
            return "t_f(" + key.substring(4) + ")";
        }
        if (key.startsWith("delta_t_")) {
            return "Δt(" + key.substring(8) + ")";
        }
        return key;
    }

    /** "mean ± std", or the mean alone when the std is 0; "–" when missing. */
    static String cell(String key, MeanStd v) {
        if (v == null) {
            return "–";
        }
        String mean = number(key, v.mean());
        return v.std() == 0 ? mean : mean + " ± " + number(key, v.std());
    }

    static String number(String key, double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        String bare = bare(key);
        if (bare.startsWith("L_")) {
            return x != 0 && Math.abs(x) < 0.01 ? scientific(x) : String.format(Locale.ROOT, "%.4f", x);
        }
        if (bare.startsWith("A_")) {
            return String.format(Locale.ROOT, "%.3f", x);
        }
        if (bare.equals(SweepSummary.PARAM_NORM)) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    /** e.g. 1.51e-4. */
    private static String scientific(double x) {
        String s = String.format(Locale.ROOT, "%.2e", x); // 1.51e-04
        return s.replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
    }

    /** +1 if larger is better (accuracies), -1 if smaller is (losses), 0 if neither. */
    static int direction(String key) {
        String bare = bare(key);
        return bare.startsWith("A_") ? 1 : bare.startsWith("L_") ? -1 : 0;
    }

    private static String bare(String key) {
        for (String prefix : SweepSummary.ORDER_PREFIXES) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    /** "r_train = 0.3", "layers = 2, dim = 64"; empty for no setting. */
    static String setting(Map<String, Object> setting) {
        return setting.entrySet().stream().map(e -> e.getKey() + " = " + plain(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String plain(Object v) {
        if (v instanceof Double d) {
            return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    static String model(String label) {
        return label.toUpperCase(Locale.ROOT);
    }
}
