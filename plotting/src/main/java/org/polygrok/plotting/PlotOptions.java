package org.polygrok.plotting;

/**
 * How figures are drawn. {@code logX}: put training steps (drawn as t + 1) on a log axis.
 */
public record PlotOptions(boolean logX) {

    /** Linear step axis, as the reference's per-run plots. */
    public static final PlotOptions DEFAULTS = new PlotOptions(false);
}
