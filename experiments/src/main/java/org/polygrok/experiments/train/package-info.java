/**
 * One trial: its configuration turned into a model, data and schedule ({@code PreparedTrial}), the training
 * loop ({@code TrainingLoop}), checkpoints and the trial folder ({@code TrialDirectory}); it reports to a
 * {@code progress.ProgressListener}.
 *
 * <p>May import: {@code org.polygrok.api}, {@code org.polygrok.experiments} (the version), {@code data}, {@code metrics},
 * {@code progress}, {@code org.polygrok.plotting.results}. Not {@code study}, {@code sweep.*}, {@code cli}.
 */
package org.polygrok.experiments.train;
