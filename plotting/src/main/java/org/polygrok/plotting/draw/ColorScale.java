package org.polygrok.plotting.draw;

import java.awt.Color;
import java.util.List;

/**
 * Maps a setting value (r_train, d, B, weight decay, α, attention weight) to a viridis colour, linearly or
 * in log2, and names the ticks its colour bar shows.
 *
 * @param label  the colour bar's title
 * @param min    the value drawn at the bottom of the bar
 * @param max    the value drawn at the top
 * @param log2   whether values are placed by log2
 * @param ticks  values labelled on the bar
 * @param top    the viridis fraction used for {@code max} (below 1 keeps curves off the light yellow end)
 */
public record ColorScale(String label, double min, double max, boolean log2, List<Double> ticks, double top) {

    /** The fraction of viridis used for line colours (its last part is too light on white). */
    public static final double LINE_TOP = 0.88;

    public ColorScale {
        ticks = List.copyOf(ticks);
        if (log2 && min <= 0) {
            throw new IllegalArgumentException("a log2 colour scale needs positive values, got " + min);
        }
    }

    /** A scale for curves, one per value, ticks at the values themselves. */
    public static ColorScale forValues(String label, List<Double> values, boolean log2) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a colour scale needs at least one value");
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new ColorScale(label, min, max, log2, values.stream().distinct().sorted().toList(), LINE_TOP);
    }

    /** The full viridis map over [0, 1] with ticks every 0.2 (attention weights). */
    public static ColorScale unit(String label) {
        return new ColorScale(label, 0, 1, false, List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), 1.0);
    }

    /** Where {@code v} sits between min (0) and max (1); 0.5 when the scale has one value. */
    public double position(double v) {
        if (max == min) {
            return 0.5;
        }
        double p = log2 ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
        return Math.max(0, Math.min(1, p));
    }

    public Color color(double v) {
        return Viridis.at(position(v) * top);
    }

    /** The tick label of {@code v}. */
    public String tickLabel(double v) {
        return NumberLabels.compact(v);
    }
}
