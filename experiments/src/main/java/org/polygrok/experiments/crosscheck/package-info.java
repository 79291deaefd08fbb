/**
 * {@code polygrok crosscheck}: the same trial on several backends, step by step, and how closely their
 * trajectories agree.
 *
 * <p>May import: {@code org.polygrok.api}, {@code train}, {@code data}, {@code metrics}, {@code io}, {@code org.polygrok.plotting.draw}.
 */
package org.polygrok.experiments.crosscheck;
