package org.polygrok.plotting.draw;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure: a title over a grid of equally sized XChart panels, with an optional colour bar at the right.
 * Y axes are tidied (see {@link Charts#tidyYAxis}).
 */
public final class PanelGrid implements Drawing {

    public static final int MARGIN = 12;
    public static final int TITLE_HEIGHT = 34;
    private static final int BAR_GAP = 10;

    private final String title;
    private final List<? extends Chart<?, ?>> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;
    private final Optional<ColorScale> colorBar;

    public PanelGrid(String title, List<? extends Chart<?, ?>> panels, int columns, int panelWidth, int panelHeight,
                     Optional<ColorScale> colorBar) {
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a figure needs at least one panel and one column");
        }
        this.title = title;
        this.panels = List.copyOf(panels);
        this.panels.forEach(p -> {
            if (p instanceof XYChart xy) {
                Charts.tidyYAxis(xy);
            }
        });
        this.columns = Math.min(columns, panels.size());
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        this.colorBar = colorBar;
    }

    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    @Override
    public int width() {
        return 2 * MARGIN + columns * panelWidth + (colorBar.isPresent() ? BAR_GAP + ColorBar.WIDTH : 0);
    }

    @Override
    public int height() {
        return 2 * MARGIN + TITLE_HEIGHT + rows() * panelHeight;
    }

    @Override
    public void paint(Graphics2D g) {
        paintTitle(g, title, width());
        int top = MARGIN + TITLE_HEIGHT;
        for (int i = 0; i < panels.size(); i++) {
            int x = MARGIN + (i % columns) * panelWidth;
            int y = top + (i / columns) * panelHeight;
            Graphics2D cell = (Graphics2D) g.create(x, y, panelWidth, panelHeight);
            try {
                panels.get(i).paint(cell, panelWidth, panelHeight);
            } finally {
                cell.dispose();
            }
        }
        colorBar.ifPresent(scale -> ColorBar.paint(g, scale, MARGIN + columns * panelWidth + BAR_GAP,
                top + 36, rows() * panelHeight - 90));
    }

    /** The figure title, centred in the top strip. */
    static void paintTitle(Graphics2D g, String title, int width) {
        g.setColor(Color.BLACK);
        g.setFont(Fonts.TITLE);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, Math.max(MARGIN, (width - fm.stringWidth(title)) / 2), MARGIN + fm.getAscent() + 4);
    }
}
