package org.polygrok.experiments.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.polygrok.experiments.process.JavaCommand;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.sweep.run.TrialChild;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Executes each trial of a sweep as one Spark job of one task ({@link TrialTask}) that needs {@code spark.task.cpus}
 * cores, so Spark never runs more trials on a host than it has cores for; the trial gets that many engine
 * threads. The outcome is read from the trial's folder once the task ends; a trial Spark gave up on (more than
 * {@code spark.task.maxFailures} lost attempts) is FAILED with Spark's reason.
 */
final class SparkTrialExecutor implements ClusterExecutor {
    private static final long REGISTRATION_WAIT_MS = 60_000;

    private final JavaSparkContext spark;
    private final int taskCpus;
    private final List<String> javaOptions;
    private final String classPath;
    private final TrialWatches watches;
    private volatile boolean stopping;
    private int slots;

    SparkTrialExecutor(SparkSettings settings, Consumer<String> messages) {
        SparkLogging.quiet(settings.verbose());
        SparkConf conf = SparkConfs.of(settings);
        this.spark = new JavaSparkContext(conf);
        this.taskCpus = conf.getInt("spark.task.cpus", 1);
        List<String> self = JavaCommand.forMain(TrialChild.class);
        this.javaOptions = List.copyOf(self.subList(1, self.indexOf("-cp")));
        String home = System.getProperty(SparkConfs.HOME_PROPERTY);
        this.classPath = home == null ? null : home + "/lib/*";
        this.watches = new TrialWatches(messages);
        spark.sc().addSparkListener(watches);
    }

    @Override
    public int threadsPerTrial() {
        return taskCpus;
    }

    /** Waits (up to a minute) for a cluster's executors to register, then counts their task slots. */
    @Override
    public synchronized int slots() {
        if (slots > 0) {
            return slots;
        }
        if (!spark.isLocal()) {
            long deadline = System.currentTimeMillis() + REGISTRATION_WAIT_MS;
            int seen = -1;
            while (System.currentTimeMillis() < deadline) {
                int executors = spark.sc().statusTracker().getExecutorInfos().length - 1; // less the driver
                if (executors > 0 && executors == seen) {
                    break;
                }
                seen = executors;
                sleep(2000);
            }
        }
        slots = Math.max(1, spark.defaultParallelism() / taskCpus);
        return slots;
    }

    /**
     * Checks that every executor sees {@code out} (a file written here is visible to one task per slot).
     *
     * @throws IllegalArgumentException with one sentence when one does not
     */
    void requireVisible(Path out, int slots) {
        Path probe = out.toAbsolutePath().normalize().resolve(".polygrok-probe-" + UUID.randomUUID());
        try {
            Files.createDirectories(probe.getParent());
            Files.writeString(probe, "written by the polygrok driver; deleted when the check ends\n");
            List<String> blind = spark.parallelize(IntStream.range(0, slots).boxed().toList(), slots)
                    .map(new ProbeTask(probe.toString())).collect().stream()
                    .filter(h -> h != null).distinct().toList();
            if (!blind.isEmpty()) {
                throw new IllegalArgumentException("the results folder " + probe.getParent() + " is not visible from "
                        + "the Spark executors on " + String.join(", ", blind) + "; --out must be a folder that every "
                        + "executor sees at the same path (an NFS or other shared mount)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // a leftover probe file is harmless
            }
        }
    }

    @Override
    public TrialStatus execute(SweepTrial trial, int threads, ProgressListener progress) throws InterruptedException {
        String group = "polygrok-" + trial.id() + "-" + UUID.randomUUID();
        TrialWatch watch = new TrialWatch(trial, progress);
        watches.add(group, watch);
        spark.setJobGroup(group, "polygrok trial " + trial.id(), true);
        try {
            TrialTaskSpec spec = TrialTaskSpec.of(trial, taskCpus, javaOptions, classPath);
            TaskResult result = spark.parallelize(List.of(spec), 1).map(new TrialTask()).collect().get(0);
            TrialStatus status = result.outVisible() ? trial.directory().readStatus().orElseGet(() -> TrialStatus.failed(0,
                    "the trial's task ended on " + result.host() + " but its folder holds no status"))
                    : TrialStatus.failed(0, "the results folder is not visible from the Spark executor on "
                            + result.host() + "; --out must be on a folder every executor sees at the same path");
            watch.finished();
            return status;
        } catch (Exception e) {
            if (stopping || e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                spark.cancelJobGroup(group);
                throw new InterruptedException("the sweep is stopping");
            }
            TrialStatus failed = TrialStatus.failed(
                    trial.directory().readStatus().map(TrialStatus::step).orElse(0L),
                    "Spark gave up on the trial: " + firstLine(e));
            if (trial.directory().holdsTrial()) {
                trial.directory().writeStatus(failed);
            }
            watch.finished();
            return failed;
        } finally {
            spark.clearJobGroup();
            watches.remove(group);
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void stopAll() {
        stopping = true;
        spark.cancelAllJobs();
    }

    @Override
    public void close() {
        watches.close();
        spark.stop();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
