/**
 * Drawing: XChart charts and Java2D panels (curves, colour bars, heat-map grids) written as PNG and SVG.
 *
 * <p>May import: nothing of polygrok.
 */
package org.polygrok.plotting.draw;
