/**
 * What a study costs before it runs: a short measured probe of every distinct trial shape (a few
 * steps and one evaluation on this machine and backend) turned into the expected wall time of each
 * experiment and of the whole plan ({@code polygrok run … --dry-run}).
 *
 * <p>May import: {@code sweep.plan}, {@code train}, {@code data}, {@code org.polygrok.plotting.results},
 * the api. Not {@code sweep.run}, {@code sweep.summary}, {@code cli}.
 */
package org.polygrok.experiments.cost;
