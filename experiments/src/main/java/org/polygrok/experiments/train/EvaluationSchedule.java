package org.polygrok.experiments.train;

import java.util.ArrayList;
import java.util.List;

/**
 * When a run evaluates (PROTOCOL §6): before training (step 0); after step t when t = 1, t = the last
 * step, t mod eval_period = 0 or t ≤ eval_first; and once more after the loop, logged as last + 1.
 */
public record EvaluationSchedule(long effectiveSteps, long evalFirst, long evalPeriod) {

    public EvaluationSchedule {
        if (evalPeriod < 1) {
            throw new IllegalArgumentException("eval_period must be at least 1, got " + evalPeriod);
        }
        if (evalFirst < 0) {
            throw new IllegalArgumentException("eval_first must be at least 0, got " + evalFirst);
        }
    }

    /** Whether the model is evaluated after {@code step} (0 = before training; last + 1 = the final extra). */
    public boolean evaluatesAt(long step) {
        if (step == 0 || step == effectiveSteps + 1) {
            return true;
        }
        if (step < 0 || step > effectiveSteps) {
            return false;
        }
        return step == 1 || step == effectiveSteps || step % evalPeriod == 0 || step <= evalFirst;
    }

    /** The reference's {@code all_steps}: every logged step in order (202 at the defaults). */
    public List<Long> steps() {
        List<Long> out = new ArrayList<>();
        for (long t = 0; t <= effectiveSteps + 1; t++) {
            if (evaluatesAt(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The step logged by the final extra evaluation. */
    public long finalStep() {
        return effectiveSteps + 1;
    }
}
