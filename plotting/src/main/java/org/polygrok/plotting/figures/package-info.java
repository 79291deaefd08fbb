/**
 * Which figures an experiment gets (learning curves, metric against setting, attention grids), with their
 * titles and labels.
 *
 * <p>May import: {@code results}, {@code draw}, {@code org.polygrok.plotting} (its PlotOptions).
 */
package org.polygrok.plotting.figures;
