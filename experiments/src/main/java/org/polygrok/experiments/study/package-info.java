/**
 * The study: the experiments of PROTOCOL §8 ({@code Experiment}), their settings grid and notes per scale
 * ({@code ExperimentPlans}), and how {@code --set} changes are applied.
 *
 * <p>May import: {@code train}, {@code data}. Not {@code sweep.*}, {@code cli}.
 */
package org.polygrok.experiments.study;
