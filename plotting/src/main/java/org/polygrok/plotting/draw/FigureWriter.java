package org.polygrok.plotting.draw;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.polygrok.plotting.results.AtomicFiles;

/** Writes a {@link Drawing} as {@code name.png} and {@code name.svg}, each atomically. */
public final class FigureWriter {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private FigureWriter() {
    }

    /**
     * Writes both files and returns their paths, PNG first.
     *
     * @throws IllegalStateException naming the file when the figure cannot be drawn
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static List<Path> write(Drawing drawing, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        for (Path file : List.of(png, svg)) {
            try {
                Files.createDirectories(dir);
                AtomicFiles.write(file, out -> {
                    if (file == png) {
                        ImageIO.write(raster(drawing), "png", out);
                    } else {
                        writeSvg(drawing, out);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the figure " + file + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot draw the figure " + file + ": "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        }
        return List.of(png, svg);
    }

    /** The drawing as an RGB image on a white background. */
    public static BufferedImage raster(Drawing drawing) {
        BufferedImage image = new BufferedImage(drawing.width(), drawing.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, drawing.width(), drawing.height());
            drawing.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void writeSvg(Drawing drawing, OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, drawing.width(), drawing.height());
        drawing.paint(g);
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, drawing.width(), drawing.height()))
                .writeTo(out);
    }
}
