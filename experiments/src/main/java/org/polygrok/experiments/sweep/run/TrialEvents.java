package org.polygrok.experiments.sweep.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polygrok.experiments.process.ChildEvents;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;

/**
 * How a trial process reports its progress to the sweep, as {@link ChildEvents}: started, step and evaluated.
 * How the trial ended is not an event: the sweep reads it from the trial's folder once the process ends (a
 * process that dies says nothing more), and reports it itself.
 */
final class TrialEvents {
    /** Steps are reported at most this often (evaluations always, and the last step). */
    private static final long STEP_INTERVAL_MS = 250;

    private TrialEvents() {
    }

    /** The trial process's side: a listener that prints the events of its one trial. */
    static ProgressListener writer(PrintStream out) {
        return new ProgressListener() {
            private long lastStepReport;
            private long last;

            @Override
            public void trialStarted(String trial, TrialConfig config, long fromStep, long lastStep) {
                last = lastStep;
                ChildEvents.emit(out, Map.of("event", "started", "from", fromStep, "last", lastStep));
            }

            @Override
            public void stepped(String trial, long step, double loss) {
                long now = System.currentTimeMillis();
                if (now - lastStepReport >= STEP_INTERVAL_MS || step == last) {
                    lastStepReport = now;
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("event", "step");
                    e.put("step", step);
                    e.put("loss", Double.isFinite(loss) ? loss : null);
                    ChildEvents.emit(out, e);
                }
            }

            @Override
            public void evaluated(String trial, MetricsRecord record) {
                ChildEvents.emit(out, Map.of("event", "evaluated", "record", record));
            }
        };
    }

    /**
     * The sweep's side: passes one output line of {@code trial}'s process to {@code progress} if it is an event.
     *
     * @return false when the line is not an event
     */
    static boolean dispatch(String line, SweepTrial trial, ProgressListener progress) {
        JsonNode e = ChildEvents.parse(line).orElse(null);
        if (e == null) {
            return false;
        }
        switch (ChildEvents.name(e)) {
            case "started" -> progress.trialStarted(trial.id(), trial.config(), e.path("from").asLong(),
                    e.path("last").asLong());
            case "step" -> progress.stepped(trial.id(), e.path("step").asLong(),
                    e.path("loss").isNumber() ? e.path("loss").asDouble() : Double.NaN);
            case "evaluated" -> progress.evaluated(trial.id(),
                    Json.mapper().convertValue(e.get("record"), MetricsRecord.class));
            default -> {
                return false;
            }
        }
        return true;
    }
}
