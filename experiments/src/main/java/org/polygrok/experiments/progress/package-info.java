/**
 * Progress of running trials, for a lone trial ({@code polygrok train}) and for sweeps alike: the one listener
 * interface every trial and sweep reports to ({@code ProgressListener}, with {@code ExperimentStart}), its two
 * console forms (progress bars on a terminal, plain log lines otherwise, chosen in {@code ConsoleProgress}) and
 * the meter that counts a sweep's steps and estimates the time left.
 *
 * <p>May import: {@code org.polygrok.plotting.results}. Nothing else of polygrok: {@code train}, {@code sweep.*},
 * {@code spark} and {@code cli} import it.
 */
package org.polygrok.experiments.progress;
