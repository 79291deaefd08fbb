package org.polygrok.api.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionTableTest {

    @Test
    void usesExponentTwoKOverD() {
        float[] table = TokensAndPositions.sinusoidalTable(6, 128);
        assertThat(table[128 + 2]).isCloseTo(0.76172f, within(5e-6f)); // PE[1, 2], PROTOCOL §3
        assertThat(table[128 + 2]).isEqualTo((float) Math.sin(1 / Math.pow(10000, 2.0 / 128)));
        assertThat(table[128 + 3]).isEqualTo((float) Math.cos(1 / Math.pow(10000, 2.0 / 128)));
        assertThat(table[0]).isZero(); // sin(0)
        assertThat(table[1]).isEqualTo(1f); // cos(0)
        assertThat(table[5 * 128 + 126]).isEqualTo((float) Math.sin(5 / Math.pow(10000, 126.0 / 128)));
    }
}
