package org.polygrok.plotting.figures;

import org.polygrok.plotting.draw.Drawing;

/** A figure and the file name (without extension) it is saved under. */
public record NamedDrawing(String name, Drawing drawing) {
}
