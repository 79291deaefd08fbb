package org.polygrok.plotting.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** A vertical colour bar for a {@link ColorScale}: gradient, ticks with labels on its right, rotated title. */
public final class ColorBar {

    /** The horizontal room a colour bar needs, labels and title included. */
    public static final int WIDTH = 92;
    private static final int BAR = 18;
    private static final int STRIPS = 96;

    private ColorBar() {
    }

    /** Paints the bar with its top-left corner at (x, y), {@code height} pixels tall. */
    public static void paint(Graphics2D g, ColorScale scale, int x, int y, int height) {
        Graphics2D c = (Graphics2D) g.create();
        try {
            for (int i = 0; i < STRIPS; i++) {
                double y0 = y + height - (i + 1) * (double) height / STRIPS;
                c.setColor(Viridis.at((i + 0.5) / STRIPS * scale.top()));
                c.fill(new Rectangle2D.Double(x, y0, BAR, (double) height / STRIPS + 0.6));
            }
            c.setColor(Color.DARK_GRAY);
            c.setStroke(new BasicStroke(1f));
            c.draw(new Rectangle2D.Double(x, y, BAR, height));
            c.setFont(Fonts.TICK);
            FontMetrics fm = c.getFontMetrics();
            int labelWidth = 0;
            for (double t : scale.ticks()) {
                int ty = (int) Math.round(y + height - scale.position(t) * height);
                c.drawLine(x + BAR, ty, x + BAR + 4, ty);
                String label = scale.tickLabel(t);
                c.drawString(label, x + BAR + 7, ty + fm.getAscent() / 2 - 1);
                labelWidth = Math.max(labelWidth, fm.stringWidth(label));
            }
            c.setFont(Fonts.AXIS_TITLE);
            c.setColor(Color.BLACK);
            int titleWidth = c.getFontMetrics().stringWidth(scale.label());
            AffineTransform saved = c.getTransform();
            c.translate(x + BAR + 12 + labelWidth + c.getFontMetrics().getAscent(), y + height / 2.0 + titleWidth / 2.0);
            c.rotate(-Math.PI / 2);
            c.drawString(scale.label(), 0, 0);
            c.setTransform(saved);
        } finally {
            c.dispose();
        }
    }
}
