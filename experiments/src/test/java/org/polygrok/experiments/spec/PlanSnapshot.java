package org.polygrok.experiments.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepPlanner;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.sweep.plan.TrialId;
import org.polygrok.experiments.sweep.summary.SummaryFiles;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialStatus;

/**
 * What an experiment plans at one scale, on two backends and both models: its experiment.json record,
 * every trial (id, setting, identity JSON, steps) and, at the quick scale, with every trial DONE on
 * synthetic metrics, its summary.json, summary.csv and summary.md (the fixtures also hold those of the full
 * scale). The fixtures under {@code spec-fixtures/} were written by
 * this class from the experiments as they were fixed in code (ExperimentPlans, before the specs).
 */
final class PlanSnapshot {
    static final List<String> BACKENDS = List.of("djl", "tf");

    private PlanSnapshot() {
    }

    static String fixture(Experiment e, Scale s) {
        return "/spec-fixtures/" + e.label() + "-" + s.label() + ".json";
    }

    static Map<String, Object> of(Experiment e, Scale scale, Path out) throws IOException {
        SweepPlan plan = SweepPlanner.plan(new SweepRequest(e, scale, BACKENDS, List.of(ModelKind.values()), null,
                Map.of(), 1, false, out), "polygrok run " + e.label());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("record", Json.mapper().convertValue(plan.record(), Map.class));
        List<Map<String, Object>> trials = new ArrayList<>();
        int i = 0;
        for (SweepTrial t : plan.trials()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("setting", t.setting());
            m.put("experiment", t.config().experiment());
            m.put("identity", TrialId.canonicalJson(t.config()));
            m.put("effective_steps", t.effectiveSteps());
            trials.add(m);
            if (scale == Scale.QUICK) {
                done(t, i++);
            }
        }
        snapshot.put("trials", trials);
        if (e != Experiment.ATTENTION && scale == Scale.QUICK) {
            SummaryFiles.write(plan);
            for (String file : List.of(SummaryFiles.JSON, SummaryFiles.CSV, SummaryFiles.MARKDOWN)) {
                snapshot.put(file, Files.readString(plan.dir().resolve(file)));
            }
        }
        return snapshot;
    }

    /** A DONE trial with metrics that differ from trial to trial (per-order ones when orders mix). */
    private static void done(SweepTrial t, int i) {
        t.directory().writeConfig(t.config());
        long last = t.effectiveSteps();
        boolean mixed = t.config().orders().size() > 1;
        long tVal = 10 + 7L * (i % 5);
        for (long step : new long[] {0, 10, tVal, last}) {
            double aTrain = step >= 10 ? 1.0 : 0.1;
            double aVal = step >= tVal ? 0.5 + 0.01 * (i % 7) : 0.05;
            Double bin = mixed ? aVal * 0.9 : null;
            Double ter = mixed ? aVal * 0.8 : null;
            t.directory().appendMetrics(new MetricsRecord(step, step, 1.0 / (step + 1 + i), aTrain, 2.0 / (step + 1),
                    aVal, 50 - step / 100.0 + i, 1234 + i, step, mixed ? 0.5 : null, bin, mixed ? 0.6 : null, ter,
                    mixed ? 0.7 : null, bin, mixed ? 0.8 : null, ter));
        }
        t.directory().writeStatus(TrialStatus.done(last));
    }
}
