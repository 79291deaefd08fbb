package org.polygrok.plotting.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.polygrok.plotting.draw.NumberLabels;
import org.polygrok.plotting.results.Stat;

/** How a summary metric is written in a table, and which direction is best (for bold). */
final class CellFormat {

    /** Which value of a metric is best. */
    enum Best { MIN, MAX, NONE }

    private CellFormat() {
    }

    /** The metric name without a binary_/ternary_ prefix. */
    static String base(String metric) {
        return metric.replaceFirst("^(binary|ternary)_", "");
    }

    /** Losses and t_f: lower is better; accuracies: higher; anything else (Δt, ‖θ‖₂): not ranked. */
    static Best best(String metric) {
        String b = base(metric);
        if (b.startsWith("L_") || b.startsWith("t_f_")) {
            return Best.MIN;
        }
        return b.startsWith("A_") ? Best.MAX : Best.NONE;
    }

    /** "1.51e-4 ± 1.01e-5", "1.00", "8717.5 ± 82.5"; the ± part only when the std is positive. */
    static String format(String metric, Stat s) {
        if (!s.known()) {
            return "–";
        }
        String mean = value(metric, s.mean());
        if (!(s.stdOrZero() > 0)) {
            return mean;
        }
        boolean smallAccuracyStd = base(metric).startsWith("A_") && s.std() < 0.005;
        return mean + " ± " + (smallAccuracyStd
                ? new BigDecimal(s.std()).round(new MathContext(1)).stripTrailingZeros().toPlainString()
                : value(metric, s.std()));
    }

    private static String value(String metric, double v) {
        String b = base(metric);
        if (b.startsWith("L_")) {
            return NumberLabels.significant(v, 3);
        }
        if (b.startsWith("A_") || b.equals("param_norm")) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (b.startsWith("t_f_") || b.startsWith("delta_t_")) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
        return NumberLabels.compact(v);
    }

    /** The mean as displayed, read back: cells that look equal rank equal. */
    static double displayed(String metric, Stat s) {
        try {
            return Double.parseDouble(value(metric, s.mean()));
        } catch (NumberFormatException e) {
            return s.mean();
        }
    }
}
