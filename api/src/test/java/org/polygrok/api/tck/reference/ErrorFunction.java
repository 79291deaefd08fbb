package org.polygrok.api.tck.reference;

/**
 * erf(x) in double precision (relative error below 1e-14): the Maclaurin series for |x| &lt; 3,
 * the continued fraction of erfc beyond. Java's Math has no erf.
 */
public final class ErrorFunction {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private ErrorFunction() {
    }

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double value = a < 3 ? series(a) : 1 - complementByContinuedFraction(a);
        return Math.copySign(value, x);
    }

    /** erf(a) = 2/√π Σ (−1)^n a^(2n+1) / (n! (2n+1)). */
    private static double series(double a) {
        double term = a; // (−1)^n a^(2n+1) / n!
        double sum = a;
        double a2 = a * a;
        for (int n = 1; n < 200; n++) {
            term *= -a2 / n;
            double contribution = term / (2 * n + 1);
            sum += contribution;
            if (Math.abs(contribution) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc(a) = e^(−a²)/√π · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + ...))))), for a ≥ 3. */
    private static double complementByContinuedFraction(double a) {
        double fraction = a;
        for (int k = 120; k >= 1; k--) {
            fraction = a + (k / 2.0) / fraction;
        }
        return Math.exp(-a * a) / Math.sqrt(Math.PI) / fraction;
    }
}
