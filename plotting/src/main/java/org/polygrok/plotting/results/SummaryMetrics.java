package org.polygrok.plotting.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The quantities of summary.json's {@code metrics} (PROTOCOL §7) and the one way they are shown, in
 * summary.md, in figures and in report.html: their labels, their number format, and which value is
 * best (bold).
 *
 * <p>Format: losses with 4 decimals (scientific with 3 significant digits below 0.01), accuracies with 3
 * decimals, the parameter norm with 2, steps as integers (one decimal for a seed mean between steps);
 * "mean ± std" with the std in the mean's format, the mean alone when the std is 0, "–" when unknown.
 * Best: among at least two known values, the lowest loss L and the highest accuracy A, compared as
 * displayed (cells that read the same are equally best); steps (t_f, Δt) and the norm are not ranked, since
 * an earlier step is not better in itself (a run that stalls reaches its extremum early).
 */
public final class SummaryMetrics {
    /** The quantities of every row, in table order. */
    public static final List<String> METRICS = List.of("L_train", "L_val", "A_train", "A_val", "t_f_L_train",
            "t_f_L_val", "t_f_A_train", "t_f_A_val", "delta_t_L", "delta_t_A");
    /** The prefixes of Q4's per-order quantities. */
    public static final List<String> ORDER_PREFIXES = List.of("binary_", "ternary_");
    /** Q7's final parameter norm. */
    public static final String PARAM_NORM = "param_norm";

    private SummaryMetrics() {
    }

    /** The label of a key, e.g. "t_f(A_val)", "Δt(L)", "binary L_train", "‖θ‖₂". */
    public static String label(String key) {
        for (String prefix : ORDER_PREFIXES) {
            if (key.startsWith(prefix)) {
                return prefix.substring(0, prefix.length() - 1) + " " + label(key.substring(prefix.length()));
            }
        }
        if (key.equals(PARAM_NORM)) {
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

    /** "mean ± std", or the mean alone when the std is 0; "–" when unknown. */
    public static String cell(String key, MeanStd v) {
        if (v == null || !v.known()) {
            return "–";
        }
        String mean = number(key, v.mean());
        return v.stdOrZero() == 0 ? mean : mean + " ± " + number(key, v.std());
    }

    /** One value of {@code key} as shown. */
    public static String number(String key, double x) {
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
        if (bare.equals(PARAM_NORM)) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    /**
     * A statistic that is not one of the metrics (a gap, a p-value, a seed count): three significant digits,
     * scientific below 0.01 and from 100 000, whole numbers as integers.
     */
    public static String significant(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        double a = Math.abs(x);
        if (x == Math.rint(x) && a < 1e5) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        if (a != 0 && (a < 0.01 || a >= 1e5)) {
            return scientific(x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A statistic's "mean ± std" in {@link #significant(double)}'s format: the mean alone when the std is 0 or unknown, "–" when unknown. */
    public static String significant(MeanStd v) {
        if (v == null || !v.known()) {
            return "–";
        }
        return v.stdOrZero() == 0 ? significant(v.mean()) : significant(v.mean()) + " ± " + significant(v.std());
    }

    /** e.g. 1.51e-4. */
    private static String scientific(double x) {
        String s = String.format(Locale.ROOT, "%.2e", x); // 1.51e-04
        return s.replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e");
    }

    /** +1 if larger is better (accuracies), -1 if smaller is (losses), 0 if the key is not ranked. */
    public static int direction(String key) {
        String bare = bare(key);
        return bare.startsWith("A_") ? 1 : bare.startsWith("L_") ? -1 : 0;
    }

    /** Whether {@code v} is the best of {@code among} (which includes it), as displayed. */
    public static boolean isBest(String key, MeanStd v, List<MeanStd> among) {
        int dir = direction(key);
        List<MeanStd> known = among.stream().filter(m -> m != null && m.known()).toList();
        if (dir == 0 || v == null || !v.known() || known.size() < 2) {
            return false;
        }
        double best = known.stream().mapToDouble(m -> displayed(key, m.mean()))
                .reduce(dir > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY,
                        (a, b) -> dir > 0 ? Math.max(a, b) : Math.min(a, b));
        return displayed(key, v.mean()) == best;
    }

    /** The value as shown, read back. */
    private static double displayed(String key, double x) {
        return Double.parseDouble(number(key, x));
    }

    /** The key without a binary_/ternary_ prefix. */
    public static String bare(String key) {
        for (String prefix : ORDER_PREFIXES) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    /** "gpt" → "GPT", "lstm" → "LSTM". */
    public static String model(String model) {
        return model.toUpperCase(Locale.ROOT);
    }

    /** A setting value as written in tables: numbers in plain decimal without trailing zeros. */
    public static String plain(Object v) {
        if (v instanceof Double d) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }
}
