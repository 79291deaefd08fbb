package org.polygrok.experiments.crosscheck;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.plotting.results.Json;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepPlanner;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * Curve mode: one whole trial per backend, all from the same initial weights (the seeded ones, or
 * {@code init_weights}), run as a Q1 sweep of one seed whose trials train in parallel processes (the
 * sweep's machinery: resumable, one folder per trial under {@code OUT/sanity/}), then compared as
 * evaluation curves ({@link CurveAgreement}). Writes {@value #JSON}, {@value #PLOT} and {@value #PLOT_SVG}.
 */
public final class CurveCrosscheck {
    public static final String JSON = "curves.json";
    public static final String PLOT = "curves.png";
    public static final String PLOT_SVG = "curves.svg";
    /** config.json keys that describe the run, not the science: never passed on as changes. */
    private static final List<String> NOT_CHANGES = List.of("model", "backend", "seed", "experiment", "setting",
            "engine", "threads", "polygrok_version", "java_version", "effective_steps", "init_weights_sha256");

    private CurveCrosscheck() {
    }

    /**
     * The sweep that trains {@code config} on every backend, each trial in its own process.
     *
     * @throws IllegalArgumentException with one sentence for settings that cannot run
     */
    public static SweepRequest request(TrialConfig config, List<String> backends, Path out) {
        if (backends.size() < 2) {
            throw new IllegalArgumentException("curve mode needs at least two backends, got " + backends);
        }
        ModelKind model = ModelKind.fromLabel(config.model());
        return new SweepRequest(Experiment.SANITY, Scale.FULL, backends, List.of(model), List.of(config.seed()),
                changes(config, model), backends.size(), false, out);
    }

    /** The settings of {@code config} that differ from the protocol's defaults for its model. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> changes(TrialConfig config, ModelKind model) {
        Map<String, Object> mine = Json.mapper().convertValue(config, Map.class);
        Map<String, Object> defaults = Json.mapper().convertValue(TrialSpecs.defaults(model), Map.class);
        Map<String, Object> out = new LinkedHashMap<>();
        mine.forEach((k, v) -> {
            if (!NOT_CHANGES.contains(k) && !java.util.Objects.equals(v, defaults.get(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The plan of {@code request} (its trials and folders), checked without writing anything. */
    public static SweepPlan plan(SweepRequest request) {
        return SweepPlanner.plan(request, "polygrok crosscheck --curves");
    }

    /** Compares the finished trials of {@code plan} and writes the JSON and the figure into {@code out}. */
    public static CurveAgreement compareAndWrite(SweepPlan plan, CurveTolerances tolerances, Path out) {
        Map<String, List<org.polygrok.plotting.results.MetricsRecord>> curves = new LinkedHashMap<>();
        Map<String, String> trials = new LinkedHashMap<>();
        for (SweepTrial t : plan.trials()) {
            curves.put(t.config().backend(), t.directory().readMetrics());
            trials.put(t.config().backend(), out.relativize(t.dir()).toString());
        }
        String model = plan.models().get(0).label();
        CurveAgreement a = CurveAgreement.of(curves, tolerances, plan.trials().get(0).effectiveSteps());
        CurveReport.write(out.resolve(JSON), model, trials, a);
        CurvePlot.write(a, model, out, PLOT.replace(".png", ""));
        return a;
    }
}
