/**
 * {@code polygrok bench}: each backend timed on real trial steps in its own child JVM, the PyTorch baseline
 * script, and the table of results.
 *
 * <p>May import: {@code org.polygrok.api}, {@code train}, {@code data}, {@code metrics}, {@code process}.
 */
package org.polygrok.experiments.bench;
