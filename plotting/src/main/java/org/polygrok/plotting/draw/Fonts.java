package org.polygrok.plotting.draw;

import java.awt.Font;

/** The few fonts every figure uses. */
public final class Fonts {

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    public static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    public static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Fonts() {
    }
}
