/**
 * The plotting module's entry points: {@code Plotting} draws an experiment's figures, {@code HtmlReport} writes
 * report.html. Both read results files only: no engine, no training code.
 *
 * <p>May import: {@code results}, {@code figures}, {@code report}, {@code draw}. Never {@code org.polygrok.experiments}
 * or an engine.
 */
package org.polygrok.plotting;
