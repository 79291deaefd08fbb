package org.polygrok.experiments.sweep.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polygrok.experiments.process.ChildEvents;
import org.polygrok.experiments.train.TrainingProgress;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * How a trial process reports its progress to the sweep, as {@link ChildEvents}: started, step,
 * evaluated and finished.
 */
final class TrialEvents {
    /** Steps are reported at most this often (evaluations and the end always). */
    private static final long STEP_INTERVAL_MS = 250;

    private TrialEvents() {
    }

    /** The worker's side: a {@link TrainingProgress} that prints events. */
    static TrainingProgress writer(PrintStream out) {
        return new TrainingProgress() {
            private long lastStepReport;
            private long last;

            @Override
            public void started(TrialConfig config, long fromStep, long lastStep) {
                last = lastStep;
                emit(out, Map.of("event", "started", "from", fromStep, "last", lastStep));
            }

            @Override
            public void stepped(long step, double loss) {
                long now = System.currentTimeMillis();
                if (now - lastStepReport >= STEP_INTERVAL_MS || step == last) {
                    lastStepReport = now;
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("event", "step");
                    e.put("step", step);
                    e.put("loss", Double.isFinite(loss) ? loss : null);
                    emit(out, e);
                }
            }

            @Override
            public void evaluated(MetricsRecord record) {
                emit(out, Map.of("event", "evaluated", "record", record));
            }

            @Override
            public void finished(TrialStatus status) {
                emit(out, Map.of("event", "finished", "status", status));
            }
        };
    }

    private static void emit(PrintStream out, Map<String, Object> event) {
        ChildEvents.emit(out, event);
    }

    /**
     * The sweep's side: passes one output line to {@code progress} if it is an event.
     *
     * @return false when the line is not an event
     */
    static boolean dispatch(String line, TrialConfig config, TrainingProgress progress) {
        JsonNode e = ChildEvents.parse(line).orElse(null);
        if (e == null) {
            return false;
        }
        switch (ChildEvents.name(e)) {
            case "started" -> progress.started(config, e.path("from").asLong(), e.path("last").asLong());
            case "step" -> progress.stepped(e.path("step").asLong(),
                    e.path("loss").isNumber() ? e.path("loss").asDouble() : Double.NaN);
            case "evaluated" -> progress.evaluated(Json.mapper().convertValue(e.get("record"), MetricsRecord.class));
            case "finished" -> progress.finished(Json.mapper().convertValue(e.get("status"), TrialStatus.class));
            default -> {
                return false;
            }
        }
        return true;
    }
}
