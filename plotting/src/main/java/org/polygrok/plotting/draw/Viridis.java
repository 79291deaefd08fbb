package org.polygrok.plotting.draw;

import java.awt.Color;

/** matplotlib's viridis colour map, interpolated between 11 samples. */
public final class Viridis {

    private static final int[] SAMPLES = {
        0x440154, 0x482576, 0x414487, 0x35608D, 0x2A788E, 0x21908C, 0x22A884, 0x43BF71, 0x7AD151, 0xBBDF27, 0xFDE725};

    private Viridis() {
    }

    /** The colour at {@code t} in [0, 1] (clamped). */
    public static Color at(double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (SAMPLES.length - 1);
        int i = Math.min((int) Math.floor(x), SAMPLES.length - 2);
        double f = x - i;
        Color a = new Color(SAMPLES[i]);
        Color b = new Color(SAMPLES[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
