package org.polygrok.experiments.spark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.spark.api.java.function.Function;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.sweep.run.ProcessTrialExecutor;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.TrialStatus;

/**
 * One Spark task: runs one trial on this executor's host with the local executor's code
 * ({@link ProcessTrialExecutor}: its own JVM, the same trial child, log and trial folder). It first checks that the
 * results folder is visible here, then takes the trial's lock ({@code <experiment>/logs/<trial-id>.lock}) so
 * that an earlier attempt's JVM, if one is still alive, ends before this one continues from the checkpoint. A
 * trial stopped by a signal before its end fails the task, so that Spark runs it again.
 */
final class TrialTask implements Function<TrialTaskSpec, TaskResult> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaskResult call(TrialTaskSpec spec) throws Exception {
        String host = host();
        Path experiment = Path.of(spec.experimentDir());
        if (!ExperimentRecord.exists(experiment)) {
            return TaskResult.blind(host);
        }
        Path lockFile = experiment.resolve(ProcessTrialExecutor.LOGS).resolve(spec.trialId() + ".lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            TrialStatus outcome = new ProcessTrialExecutor(spec.command())
                    .execute(spec.trial(), spec.threads(), ProgressListener.SILENT);
            if (outcome.status() == TrialStatus.State.RUNNING) {
                throw new IllegalStateException("trial " + spec.trialId() + " was stopped at step "
                        + outcome.step() + " on " + host + "; it continues from its checkpoint");
            }
            return TaskResult.ended(host, outcome.status().name());
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unnamed host";
        }
    }
}
