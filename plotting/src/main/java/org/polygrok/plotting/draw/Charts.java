package org.polygrok.plotting.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart line charts in the house style, and mean ± std curves drawn as a line over a translucent band. */
public final class Charts {

    /** matplotlib's tab:blue and tab:red, used for train and val (PROTOCOL §9). */
    public static final Color TRAIN = new Color(0x1F77B4);
    public static final Color VAL = new Color(0xD62728);
    public static final BasicStroke SOLID = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {6f, 4f}, 0f);
    /** The band opacity of the reference's plots; figures with many overlapping bands use less. */
    public static final float BAND_ALPHA = 0.2f;

    private Charts() {
    }

    /** An empty line chart; {@code logX}/{@code logY} select base-10 logarithmic axes. */
    public static XYChart lineChart(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
        XYChart chart = new XYChart(400, 300);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler s = chart.getStyler();
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xE4E4E4));
        s.setPlotGridLinesStroke(new BasicStroke(0.8f));
        s.setChartTitleFont(Fonts.PANEL_TITLE);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(6);
        s.setChartPadding(8);
        s.setAxisTitleFont(Fonts.AXIS_TITLE);
        s.setAxisTickLabelsFont(Fonts.TICK);
        s.setAxisTickMarkLength(4);
        s.setLegendFont(Fonts.LEGEND);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPadding(5);
        s.setLegendSeriesLineLength(22);
        s.setMarkerSize(5);
        s.setToolTipsEnabled(false);
        s.setXAxisLogarithmic(logX);
        s.setYAxisLogarithmic(logY);
        s.setXAxisLogarithmicDecadeOnly(true);
        s.setYAxisLogarithmicDecadeOnly(true);
        return chart;
    }

    /**
     * Tidies the y axis once all series are added: a log axis over less than two decades becomes linear
     * (XChart labels only decades, so it would get one label or none), and linear tick labels are written
     * compactly (0.0005 → 5e-4).
     */
    public static void tidyYAxis(XYChart chart) {
        XYStyler s = chart.getStyler();
        if (s.isYAxisLogarithmic()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (XYSeries series : chart.getSeriesMap().values()) {
                for (double y : series.getYData()) {
                    if (y > 0) {
                        min = Math.min(min, y);
                        max = Math.max(max, y);
                    }
                }
            }
            s.setYAxisLogarithmic(max / min >= 100);
        }
        if (!s.isYAxisLogarithmic()) {
            s.setyAxisTickLabelsFormattingFunction(NumberLabels::compact);
        }
    }

    /** Puts the legend under the plot, entries side by side (for legends that would hide data). */
    public static void legendBelow(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendBorderColor(Color.WHITE);
    }

    /** A plain line. */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /**
     * The mean as a line and mean ± std as a translucent band behind it; the band is not in the legend.
     * Empty when no point can be drawn (e.g. no positive value on a log axis).
     */
    public static Optional<XYSeries> band(XYChart chart, String name, Curve curve, Color color, BasicStroke stroke) {
        return band(chart, name, curve, color, stroke, BAND_ALPHA);
    }

    /** As {@link #band(XYChart, String, Curve, Color, BasicStroke)} with the band's opacity given. */
    public static Optional<XYSeries> band(XYChart chart, String name, Curve curve, Color color, BasicStroke stroke,
                                          float alpha) {
        boolean logY = chart.getStyler().isYAxisLogarithmic();
        Curve c = logY ? curve.positiveOnly() : curve;
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (c.hasSpread()) {
            int n = c.size();
            double[] px = new double[2 * n];
            double[] py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = c.x()[i];
                py[i] = c.upper(i);
                px[2 * n - 1 - i] = c.x()[i];
                // on a log axis the band's lower edge stays above a tenth of the mean
                py[2 * n - 1 - i] = logY ? Math.max(c.lower(i), c.mean()[i] / 10) : c.lower(i);
            }
            XYSeries band = chart.addSeries(name + " ±std", px, py);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.round(alpha * 255)));
            band.setLineColor(new Color(0, 0, 0, 0));
            band.setShowInLegend(false);
        }
        return Optional.of(line(chart, name, c.x(), c.mean(), color, stroke));
    }
}
