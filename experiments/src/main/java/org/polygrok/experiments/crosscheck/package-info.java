/**
 * {@code polygrok crosscheck}: the same trial on several backends, step by step, how closely their
 * trajectories agree and for how long (the agreement horizon, the loss spike that ends it, the verdict);
 * and curve mode: whole runs from the same weights, planned as a sweep, compared as evaluation curves.
 *
 * <p>May import: {@code org.polygrok.api}, {@code train}, {@code data}, {@code metrics}, {@code study},
 * {@code sweep.plan} (curve mode's sweep), {@code org.polygrok.plotting.results}, {@code org.polygrok.plotting.draw}.
 */
package org.polygrok.experiments.crosscheck;
