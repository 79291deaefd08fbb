package org.polygrok.plotting.figures;

import org.knowm.xchart.XYChart;
import org.polygrok.plotting.PlotOptions;
import org.polygrok.plotting.draw.Charts;

/** The axis conventions shared by every figure: the step axis, log y for losses, log2 setting axes. */
final class Axes {

    static final String STEP_TITLE = "training step t + 1";

    private Axes() {
    }

    /** A chart with steps (t + 1) on x, linear or log as the options say. */
    static XYChart overSteps(String title, String yTitle, boolean logY, PlotOptions options) {
        return Charts.lineChart(title, STEP_TITLE, yTitle, options.logX(), logY);
    }

    /** A chart with a setting on x: log settings are drawn at log(value) and labelled with the value. */
    static XYChart overSetting(String title, String settingKey, SettingScale scale, String yTitle, boolean logY) {
        XYChart chart = Charts.lineChart(title, Labels.setting(settingKey), yTitle, false, logY);
        if (scale.log()) {
            chart.setCustomXAxisTickLabelsFormatter(scale::tick);
        }
        return chart;
    }

    /** Losses get a log y axis (PROTOCOL §9). */
    static boolean isLoss(String metric) {
        return !metric.startsWith("t_f") && (metric.contains("loss") || metric.matches("(.*_)?L_(train|val)"));
    }
}
