/**
 * What a finished experiment leaves besides its summary: Q8's attention maps (computed on an engine from a
 * trial's final weights) and the figures (drawn by the plotting module).
 *
 * <p>May import: {@code sweep.plan}, {@code train}, {@code data}, {@code org.polygrok.api},
 * {@code org.polygrok.plotting}.
 */
package org.polygrok.experiments.sweep.artefacts;
