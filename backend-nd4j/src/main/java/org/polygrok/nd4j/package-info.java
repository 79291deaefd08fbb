/**
 * The ND4J/SameDiff 1.0.0-M2.1 backend.
 *
 * <p>Model code runs on {@link org.polygrok.nd4j.Nd4jOps}, which traces it into a SameDiff graph
 * once per input shape; SameDiff differentiates the graph ({@code createGradFunction}). Graphs are
 * executed by {@link org.polygrok.nd4j.GraphPlan}: the needed ops in order, bound once to their
 * arrays, run with ND4J's own op implementations, so a step allocates nothing and memory stays
 * flat. A training session ({@link org.polygrok.nd4j.Nd4jTrainSession}) keeps weights, gradients and
 * optimizer slots in flat vectors; the api's clipping + optimizer update is traced once into a
 * small graph over those vectors.
 *
 * <p>Speed: libnd4j's oneDNN build is loaded when its jar is on the class path
 * ({@link org.polygrok.nd4j.Nd4jEngine#preferOneDnn()}); an LSTM layer is traced as one stacked-gate
 * product per time step with the input projection of all steps hoisted out of the loop
 * ({@link org.polygrok.nd4j.Nd4jLstm}); {@code -Dpolygrok.nd4j.profile=true} prints the time per op
 * type of every compiled graph ({@link org.polygrok.nd4j.OpProfile}).
 *
 * <p>SameDiff M2.1 defects worked around here: Gather's gradient (one-hot products instead),
 * logSoftmax with an axis (built from max/exp/sum/log), minimum's tie gradient (a constant mask),
 * one printed line per differentiated op (filtered from stdout), views copied by the default
 * variable holder, and a session that leaves most arrays to the garbage collector.
 */
package org.polygrok.nd4j;
