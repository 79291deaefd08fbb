package org.polygrok.plotting.draw;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short, readable labels for axis ticks, colour-bar ticks and table cells. */
public final class NumberLabels {

    private NumberLabels() {
    }

    /** 64 → "64", 0.25 → "0.25", 1.5e-4 → "1.5e-4", 12345.678 → "12346": at most 3 significant digits for fractions. */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-2 && a < 1e7) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(a >= 1000 ? (int) Math.log10(a) + 1 : 3));
            return d.stripTrailingZeros().toPlainString();
        }
        return scientific(v, 2);
    }

    /** {@code digits} significant digits: plain between 0.01 and 1e6 (3.5512 → "3.55"), else scientific. */
    public static String significant(double v, int digits) {
        double a = Math.abs(v);
        if (a == 0 || Double.isNaN(v)) {
            return Double.isNaN(v) ? "–" : "0";
        }
        if (a >= 1e-2 && a < 1e6) {
            return new BigDecimal(v).round(new MathContext(Math.max(digits, (int) Math.floor(Math.log10(a)) + 1)))
                    .stripTrailingZeros().toPlainString();
        }
        return scientific(v, digits);
    }

    /** 1.5123e-4 with {@code digits} significant digits → "1.51e-4". */
    public static String scientific(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }
}
