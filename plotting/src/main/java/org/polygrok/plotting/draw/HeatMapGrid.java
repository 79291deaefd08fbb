package org.polygrok.plotting.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/**
 * A figure of R rows × C columns of S×S heat maps sharing token labels and one colour bar (the Q8
 * attention maps: row = layer, column = head, matrix [query][key]).
 */
public final class HeatMapGrid implements Drawing {

    private static final int CELL = 38;
    private static final int LEFT = 64;
    private static final int TOP = 26;
    private static final int BOTTOM = 62;
    private static final int RIGHT = 14;
    private static final int BAR_GAP = 8;

    private final String title;
    private final List<String> tokens;
    private final double[][][][] maps;
    private final ColorScale scale;
    private final String yLabel;
    private final String xLabel;

    /**
     * @param maps [row][column][y][x] values in the scale's range; every matrix is S×S, S = tokens.size()
     */
    public HeatMapGrid(String title, List<String> tokens, double[][][][] maps, ColorScale scale, String yLabel,
                       String xLabel) {
        if (maps.length == 0 || maps[0].length == 0) {
            throw new IllegalArgumentException("a heat-map grid needs at least one map");
        }
        this.title = title;
        this.tokens = List.copyOf(tokens);
        this.maps = maps;
        this.scale = scale;
        this.yLabel = yLabel;
        this.xLabel = xLabel;
    }

    private int panelWidth() {
        return LEFT + tokens.size() * CELL + RIGHT;
    }

    private int panelHeight() {
        return TOP + tokens.size() * CELL + BOTTOM;
    }

    @Override
    public int width() {
        return 2 * PanelGrid.MARGIN + maps[0].length * panelWidth() + BAR_GAP + ColorBar.WIDTH;
    }

    @Override
    public int height() {
        return 2 * PanelGrid.MARGIN + PanelGrid.TITLE_HEIGHT + maps.length * panelHeight();
    }

    @Override
    public void paint(Graphics2D g) {
        PanelGrid.paintTitle(g, title, width());
        int top = PanelGrid.MARGIN + PanelGrid.TITLE_HEIGHT;
        for (int r = 0; r < maps.length; r++) {
            for (int c = 0; c < maps[r].length; c++) {
                Graphics2D p = (Graphics2D) g.create(PanelGrid.MARGIN + c * panelWidth(), top + r * panelHeight(),
                        panelWidth(), panelHeight());
                try {
                    paintPanel(p, "Layer " + r + ", Head " + c, maps[r][c]);
                } finally {
                    p.dispose();
                }
            }
        }
        // the bar spans from the top of the first row's maps to the bottom of the last row's
        ColorBar.paint(g, scale, PanelGrid.MARGIN + maps[0].length * panelWidth() + BAR_GAP, top + TOP,
                (maps.length - 1) * panelHeight() + tokens.size() * CELL);
    }

    private void paintPanel(Graphics2D g, String panelTitle, double[][] m) {
        int s = tokens.size();
        g.setFont(Fonts.PANEL_TITLE);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(panelTitle, LEFT + (s * CELL - fm.stringWidth(panelTitle)) / 2, TOP - 8);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                Color fill = scale.color(m[y][x]);
                g.setColor(fill);
                g.fillRect(LEFT + x * CELL, TOP + y * CELL, CELL, CELL);
                if (m[y][x] != 0.0) { // exact zeros are the causal mask: left blank
                    paintValue(g, m[y][x], fill, LEFT + x * CELL, TOP + y * CELL);
                }
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, s * CELL, s * CELL);
        paintTokenLabels(g, s);
        g.setFont(Fonts.AXIS_TITLE);
        g.setColor(Color.BLACK);
        fm = g.getFontMetrics();
        g.drawString(xLabel, LEFT + (s * CELL - fm.stringWidth(xLabel)) / 2, TOP + s * CELL + BOTTOM - 6);
        int widest = tokens.stream().mapToInt(g.getFontMetrics(Fonts.TICK)::stringWidth).max().orElse(0);
        AffineTransform saved = g.getTransform();
        // the y title sits just left of the widest token label
        g.translate(Math.max(fm.getAscent() + 2, LEFT - 5 - widest - 8), TOP + (s * CELL + fm.stringWidth(yLabel)) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, 0, 0);
        g.setTransform(saved);
    }

    private void paintValue(Graphics2D g, double v, Color fill, int x, int y) {
        String text = String.format(java.util.Locale.ROOT, "%.2f", v).replaceFirst("^0\\.", ".");
        g.setFont(Fonts.TICK);
        double luminance = 0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue();
        g.setColor(luminance > 140 ? Color.BLACK : Color.WHITE);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x + (CELL - fm.stringWidth(text)) / 2, y + (CELL + fm.getAscent()) / 2 - 2);
    }

    private void paintTokenLabels(Graphics2D g, int s) {
        g.setFont(Fonts.TICK);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < s; i++) {
            String t = tokens.get(i);
            g.drawString(t, LEFT - 5 - fm.stringWidth(t), TOP + i * CELL + (CELL + fm.getAscent()) / 2 - 2);
            if (t.length() == 1) { // a rotated "+" would read as "×": one-character symbols stay upright
                g.drawString(t, LEFT + i * CELL + (CELL - fm.stringWidth(t)) / 2, TOP + s * CELL + 6 + fm.getAscent());
                continue;
            }
            AffineTransform saved = g.getTransform();
            // x labels rotated 45°, their ends under the column centres
            g.translate(LEFT + i * CELL + CELL / 2.0 + 3, TOP + s * CELL + 6);
            g.rotate(-Math.PI / 4);
            g.drawString(t, -fm.stringWidth(t), fm.getAscent());
            g.setTransform(saved);
        }
    }
}
