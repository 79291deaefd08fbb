/**
 * The study: the experiments of PROTOCOL §8 ({@code Experiment}, each a sweep spec read from the
 * {@code spec} resources), their plan per scale ({@code ExperimentPlan}), and how {@code --set} changes are
 * applied.
 *
 * <p>May import: {@code train}, {@code data}, {@code spec}, {@code org.polygrok.plotting.results}. Not {@code sweep.*}, {@code cli}.
 */
package org.polygrok.experiments.study;
