/**
 * The ND4J/SameDiff 1.0.0-M2.1 backend.
 *
 * <p>Model code runs on {@link org.polygrok.nd4j.Nd4jOps}, which traces it into a SameDiff graph
 * once per input shape; SameDiff differentiates the graph ({@code createGradFunction}). Graphs are
 * executed by {@link org.polygrok.nd4j.GraphPlan}: the needed ops in order, bound once to their
 * arrays, run with ND4J's own op implementations, so a step allocates nothing and memory stays
 * flat; ops whose values depend on shapes only (shape_of, zeroslike, ...) run once when compiling,
 * and outputs can be written straight into the caller's arrays. A training session
 * ({@link org.polygrok.nd4j.Nd4jTrainSession}) keeps weights, gradients and optimizer slots in flat
 * vectors: the gradient plan writes each gradient into its part of the flat gradient, and the api's
 * clipping + optimizer update, traced once into a small graph over those vectors, writes the new
 * weights and slots over the old ones.
 *
 * <p>Speed: libnd4j's oneDNN build is loaded when its jar is on the class path
 * ({@link org.polygrok.nd4j.Nd4jEngine#preferOneDnn()}); an LSTM layer is traced as one stacked-gate
 * product per time step with the input projection of all steps hoisted out of the loop
 * ({@link org.polygrok.nd4j.Nd4jLstm}), its sigmoid gates through the same tanh as its candidate gate;
 * {@code tanh} runs as libnd4j's declarable op (oneDNN's kernel) instead of the legacy transform
 * SameDiff traces ({@link org.polygrok.nd4j.FasterKernels}); {@code -Dpolygrok.nd4j.profile=true}
 * prints the time and calling-thread CPU per op type and per plan size ({@link org.polygrok.nd4j.OpProfile}).
 * {@code StepTiming} in the tests times training steps from the module's class path.
 *
 * <p>SameDiff M2.1 defects worked around here: Gather's gradient (one-hot products instead),
 * logSoftmax with an axis (built from max/exp/sum/log), minimum's tie gradient (a constant mask),
 * one printed line per differentiated op (filtered from stdout), views copied by the default
 * variable holder, and a session that leaves most arrays to the garbage collector.
 */
package org.polygrok.nd4j;
