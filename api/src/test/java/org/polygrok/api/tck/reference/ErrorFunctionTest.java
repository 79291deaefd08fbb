package org.polygrok.api.tck.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** erf against Python's math.erf on both sides of the series / continued-fraction switch at 3. */
class ErrorFunctionTest {
    @Test
    void matchesPythonMathErf() {
        double[] x = {-3.5, -1, 0.1, 0.5, 1, 2, 2.9, 3, 3.1, 4, 5.5};
        double[] expected = {-0.9999992569016276, -0.8427007929497149, 0.1124629160182849, 0.5204998778130465,
            0.8427007929497149, 0.9953222650189527, 0.9999589021219005, 0.9999779095030014, 0.9999883513426328,
            0.9999999845827421, 0.9999999999999927};
        for (int i = 0; i < x.length; i++) {
            assertThat(ErrorFunction.erf(x[i])).as("erf(%s)", x[i]).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void isOddAndZeroAtZero() {
        assertThat(ErrorFunction.erf(0)).isZero();
        assertThat(ErrorFunction.erf(-0.7)).isEqualTo(-ErrorFunction.erf(0.7));
        assertThat(ErrorFunction.erf(30)).isEqualTo(1.0);
    }
}
