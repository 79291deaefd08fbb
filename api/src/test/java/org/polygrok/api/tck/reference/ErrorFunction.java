package org.polygrok.api.tck.reference;

/**
 * erf(x) in double precision (error below 1e-15): a series of positive terms for |x| &lt; 3, the
 * continued fraction of erfc beyond. Java's Math has no erf.
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

    /** erf(a) = 2/√π · e^(−a²) · Σ 2^n a^(2n+1) / (1·3·…·(2n+1)): no cancellation. */
    private static double series(double a) {
        double term = a;
        double sum = a;
        double twoA2 = 2 * a * a;
        for (int n = 1; n < 500 && term > 1e-17 * sum; n++) {
            term *= twoA2 / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-a * a) * sum;
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
