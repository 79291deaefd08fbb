/**
 * What a running sweep shows: the progress interface the runner reports to, progress bars for a terminal,
 * plain log lines otherwise, and the meter that counts steps and estimates the time left.
 *
 * <p>May import: {@code sweep.plan}, {@code train}, {@code metrics}, {@code org.polygrok.plotting.results}. Not
 * {@code sweep.run}.
 */
package org.polygrok.experiments.sweep.progress;
