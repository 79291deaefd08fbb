package org.polygrok.experiments.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The driver's progress of a sweep on Spark: Spark's task events say when a trial starts (and when an attempt
 * is lost), the trials' folders say how far each got (polled every second).
 */
final class TrialWatches extends SparkListener {
    static final String GROUP = "spark.jobGroup.id";
    private static final long POLL_MS = 1000;

    private final Map<String, TrialWatch> byGroup = new ConcurrentHashMap<>();
    private final Map<Integer, TrialWatch> byStage = new ConcurrentHashMap<>();
    private final Consumer<String> messages;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "polygrok-spark-progress");
        t.setDaemon(true);
        return t;
    });

    TrialWatches(Consumer<String> messages) {
        this.messages = messages;
        poller.scheduleWithFixedDelay(() -> byGroup.values().forEach(TrialWatch::poll), POLL_MS, POLL_MS,
                TimeUnit.MILLISECONDS);
    }

    void add(String group, TrialWatch watch) {
        byGroup.put(group, watch);
    }

    void remove(String group) {
        TrialWatch w = byGroup.remove(group);
        byStage.values().removeIf(x -> x == w);
    }

    @Override
    public void onJobStart(SparkListenerJobStart e) {
        String group = e.properties() == null ? null : e.properties().getProperty(GROUP);
        TrialWatch w = group == null ? null : byGroup.get(group);
        if (w != null) {
            for (Object stage : CollectionConverters.asJava(e.stageIds())) {
                byStage.put((Integer) stage, w);
            }
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
        TrialWatch w = byStage.get(e.stageId());
        if (w != null) {
            w.taskStarted();
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        TrialWatch w = byStage.get(e.stageId());
        if (w != null && !e.taskInfo().successful()) {
            String reason = e.reason() instanceof TaskFailedReason f ? f.toErrorString() : e.reason().toString();
            messages.accept("trial " + w.trial().id() + ": its task (attempt " + (e.taskInfo().attemptNumber() + 1)
                    + ") on " + e.taskInfo().host() + " ended early: " + reason.lines().findFirst().orElse(reason)
                    + "; Spark runs it again (up to spark.task.maxFailures times), from its last checkpoint");
        }
    }

    void close() {
        poller.shutdownNow();
    }
}
