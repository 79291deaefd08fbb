package org.polygrok.experiments.crosscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;

/**
 * How far every backend is from the first one (the reference) of a crosscheck: per step, the largest
 * absolute and relative difference of the training loss; per backend, the differences of the step-0
 * losses, the largest per-step loss difference and the largest weight difference after the last step,
 * each against the {@link Tolerances}; per backend, its agreement {@link Horizon}; and the {@link Verdict}.
 * A non-finite value never agrees.
 */
public final class Agreement {
    /** One comparison of one backend with the reference. */
    public record Check(String backend, String quantity, double difference, double tolerance, String where) {
        public boolean passed() {
            return difference <= tolerance; // false for NaN
        }
    }

    private final List<BackendTrajectory> runs;
    private final Tolerances tolerances;
    private final double[] maxAbs;
    private final double[] maxRel;
    private final List<Check> checks = new ArrayList<>();
    private final List<Horizon> horizons = new ArrayList<>();

    private Agreement(List<BackendTrajectory> runs, Tolerances tolerances) {
        this.runs = List.copyOf(runs);
        this.tolerances = tolerances;
        int steps = runs.get(0).steps();
        this.maxAbs = new double[steps];
        this.maxRel = new double[steps];
    }

    /**
     * Compares every run with the first.
     *
     * @throws IllegalArgumentException with fewer than two runs or runs of different lengths
     */
    public static Agreement of(List<BackendTrajectory> runs, Tolerances tolerances) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a crosscheck needs at least two backends, got " + runs.size());
        }
        int steps = runs.get(0).steps();
        for (BackendTrajectory r : runs) {
            if (r.steps() != steps) {
                throw new IllegalArgumentException("backend " + r.backend() + " ran " + r.steps() + " steps, not " + steps);
            }
        }
        Agreement a = new Agreement(runs, tolerances);
        a.compare();
        return a;
    }

    private void compare() {
        BackendTrajectory ref = reference();
        for (BackendTrajectory other : runs.subList(1, runs.size())) {
            double[] abs = absoluteDifferences(other);
            int worst = 0;
            for (int i = 0; i < abs.length; i++) {
                maxAbs[i] = nanMax(maxAbs[i], abs[i]);
                maxRel[i] = nanMax(maxRel[i], abs[i] / Math.max(Math.abs(ref.loss(i)), Double.MIN_NORMAL));
                if (!Double.isNaN(abs[worst]) && !(abs[i] <= abs[worst])) { // the first NaN stays the worst
                    worst = i;
                }
            }
            String b = other.backend();
            Check train0 = new Check(b, "step-0 train loss", Math.abs(other.trainAtStart().loss()
                    - ref.trainAtStart().loss()), tolerances.step0Loss(), "full train set");
            Check val0 = new Check(b, "step-0 val loss", Math.abs(other.valAtStart().loss() - ref.valAtStart().loss()),
                    tolerances.step0Loss(), "full validation set");
            Check weights = weightCheck(other);
            checks.addAll(List.of(train0, val0,
                    new Check(b, "training loss", abs[worst], tolerances.stepLoss(), "step " + (worst + 1)), weights));
            horizons.add(Horizons.find(ref, other, abs, tolerances.stepLoss(), train0.passed() && val0.passed(),
                    weights.passed()));
        }
    }

    private Check weightCheck(BackendTrajectory other) {
        double largest = 0;
        String where = "";
        for (Map.Entry<String, HostArray> e : reference().finalWeights().entrySet()) {
            HostArray theirs = other.finalWeights().get(e.getKey());
            double d = theirs == null ? Double.NaN : maxAbsDifference(e.getValue().toFloatArray(), theirs.toFloatArray());
            if (!Double.isNaN(largest) && !(d <= largest)) {
                largest = d;
                where = e.getKey();
            }
        }
        return new Check(other.backend(), "weights after the last step", largest, tolerances.parameter(), where);
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.NaN;
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = nanMax(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }

    private static double nanMax(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    /** |loss(other, step) − loss(reference, step)| for every step. */
    public double[] absoluteDifferences(BackendTrajectory other) {
        double[] d = new double[other.steps()];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(other.loss(i) - reference().loss(i));
        }
        return d;
    }

    public BackendTrajectory reference() {
        return runs.get(0);
    }

    public List<BackendTrajectory> runs() {
        return runs;
    }

    public Tolerances tolerances() {
        return tolerances;
    }

    /** Per step (0-based index of step 1, 2, ...), the largest absolute loss difference of any backend. */
    public double[] maxAbsolutePerStep() {
        return maxAbs.clone();
    }

    /** Per step, the largest relative loss difference |Δ| / |reference loss| of any backend. */
    public double[] maxRelativePerStep() {
        return maxRel.clone();
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    /** Whether every check passed: bit-level agreement within the tolerances over the whole run. */
    public boolean agrees() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Per backend after the first, how long it agreed with the reference and what ended it. */
    public List<Horizon> horizons() {
        return List.copyOf(horizons);
    }

    public Verdict verdict() {
        return Verdict.of(horizons);
    }
}
