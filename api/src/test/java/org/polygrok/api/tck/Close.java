package org.polygrok.api.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;

/**
 * Closeness assertions of the kit: shapes and dtypes exactly, INT32 values exactly, FLOAT32 values
 * within |actual − expected| ≤ atol + rtol·|expected| (NaN and infinities must match exactly).
 */
public final class Close {
    private Close() {
    }

    public static void assertClose(String what, HostArray actual, HostArray expected, double rtol, double atol) {
        assertThat(actual.shape()).as("%s: shape", what).containsExactly(expected.shape());
        assertThat(actual.dtype()).as("%s: dtype", what).isEqualTo(expected.dtype());
        if (expected.dtype() == DType.INT32) {
            assertThat(actual.ints()).as("%s: values", what).containsExactly(expected.ints());
            return;
        }
        assertClose(what, toDoubles(actual.floats()), toDoubles(expected.floats()), rtol, atol);
    }

    public static void assertClose(String what, double[] actual, double[] expected, double rtol, double atol) {
        assertThat(actual.length).as("%s: number of values", what).isEqualTo(expected.length);
        int failures = 0;
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i];
            double e = expected[i];
            boolean ok = Double.isFinite(e) ? Math.abs(a - e) <= atol + rtol * Math.abs(e) : Double.compare(a, e) == 0;
            if (!ok) {
                worst = Math.max(worst, Math.abs(a - e));
                if (failures++ < 5) {
                    report.append(String.format("%n  [%d] actual %.9g, expected %.9g, difference %.3g", i, a, e, a - e));
                }
            }
        }
        if (failures > 0) {
            fail(String.format("%s: %d of %d values differ by more than %.1g + %.1g·|expected| (largest difference %.3g):%s",
                    what, failures, expected.length, atol, rtol, worst, report));
        }
    }

    public static double maxAbs(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElse(0);
    }

    public static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
