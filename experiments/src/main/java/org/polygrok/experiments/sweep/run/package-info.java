/**
 * Running a planned sweep: {@code SweepRunner} keeps DONE trials, resumes interrupted ones and has the rest
 * executed {@code --parallel} at a time by a {@code TrialExecutor} (today {@code ProcessTrialExecutor}: one child
 * JVM per trial running {@code TrialChild}, reporting {@code TrialEvents}); then the summary, attention maps
 * and figures.
 *
 * <p>May import: {@code sweep.plan}, {@code progress}, {@code sweep.summary}, {@code sweep.artefacts},
 * {@code process}, {@code train}, {@code study}, {@code org.polygrok.plotting.results}.
 */
package org.polygrok.experiments.sweep.run;
