/**
 * Planning a sweep: a {@code SweepRequest} (experiment, scale, backends, models, seeds, --set) becomes a
 * {@code SweepPlan} of {@code SweepTrial}s with stable ids ({@code TrialId}) and the experiment's record;
 * the text of {@code --dry-run}; finding a trial already DONE elsewhere ({@code TrialReuse}).
 *
 * <p>May import: {@code study}, {@code train}, {@code data}, {@code org.polygrok.plotting.results}.
 * Not {@code sweep.run}, {@code sweep.summary}.
 */
package org.polygrok.experiments.sweep.plan;
