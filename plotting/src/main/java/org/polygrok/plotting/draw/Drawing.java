package org.polygrok.plotting.draw;

import java.awt.Graphics2D;

/** A picture of a fixed pixel size that paints itself on any Graphics2D (a PNG raster or an SVG recorder). */
public interface Drawing {

    int width();

    int height();

    /** Paints the whole picture into (0, 0, width, height) of {@code g}. */
    void paint(Graphics2D g);
}
