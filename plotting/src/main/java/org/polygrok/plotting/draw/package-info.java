/**
 * Drawing: XChart charts and Java2D panels (curves, colour bars, heat-map grids) written as PNG and SVG.
 *
 * <p>May import: {@code results} (the atomic write). Nothing else of polygrok.
 */
package org.polygrok.plotting.draw;
