package org.polygrok.experiments.cost;

/**
 * The measured cost of one {@link TrialShape}: {@code startMs} from engine start to the first step
 * done (tracing, compiling, first evaluation), then {@code stepMs} per training step and
 * {@code evalMs} per full evaluation (train and validation sets).
 */
public record ShapeCost(double startMs, double stepMs, double evalMs) {

    /** Expected milliseconds of a trial of this shape: start, steps and evaluations, plus a process start. */
    public double trialMs(long steps, int evaluations, double processStartMs) {
        return processStartMs + startMs + steps * stepMs + evaluations * evalMs;
    }
}
