/**
 * Whether two groups of per-seed results differ beyond seed variation: an exact two-sided permutation
 * test of the difference of means ({@link org.polygrok.experiments.stats.PermutationTest}), the seeds a
 * gap needs to be told apart ({@link org.polygrok.experiments.stats.SeedsNeeded}), one comparison of one
 * metric ({@link org.polygrok.experiments.stats.SeedComparisons}, as summary.json's
 * {@code results.SeedComparison} record holds it) and the course's published numbers
 * ({@link org.polygrok.experiments.stats.ReferenceResults}). Plain Java, no engine.
 *
 * <p>May import: {@code org.polygrok.plotting.results} (the records written, the one number format) and the JDK;
 * nothing else of polygrok.
 */
package org.polygrok.experiments.stats;
