package org.polygrok.experiments.sweep.run;

import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.polygrok.experiments.process.JavaCommand;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Executes each trial in its own JVM ({@link TrialChild}), with the class path and options of this one.
 * The process's error output and any stray output go to {@code <experiment>/logs/<trial-id>.log}; a
 * process that dies without recording how its trial ended gets its trial marked FAILED with the exit
 * code and its last error line — unless the sweep itself is stopping, or the process was stopped by
 * SIGINT or SIGTERM, which leave the trial resumable.
 */
public final class ProcessTrialExecutor implements TrialExecutor {
    /** The logs' folder inside an experiment's folder. */
    public static final String LOGS = "logs";
    /** Exit codes of a JVM stopped by SIGINT and SIGTERM. */
    private static final int SIGINT_EXIT = 130;
    private static final int SIGTERM_EXIT = 143;

    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final List<String> childCommand;
    private volatile boolean stopping;

    /** Trial processes run {@link TrialChild} with this JVM's java, options and class path. */
    @Inject
    public ProcessTrialExecutor() {
        this.childCommand = null;
    }

    /** Trial processes run this command line (a Spark task's: this host's java, the sweep's options). */
    public ProcessTrialExecutor(List<String> childCommand) {
        this.childCommand = List.copyOf(childCommand);
    }

    @Override
    public TrialStatus execute(SweepTrial trial, int threads, ProgressListener progress) throws InterruptedException {
        Path log = trial.dir().getParent().getParent().resolve(LOGS).resolve(trial.id() + ".log");
        Process process = startProcess(trial, threads, log);
        try (Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            OutputStream stdin = process.getOutputStream(); // kept open: its end tells the child to stop
            stdin.write((Json.line(new TrialChild.Request(trial.dir().toString(), threads, trial.config())) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!TrialEvents.dispatch(line, trial, progress)) {
                        try {
                            logWriter.write(line + "\n");
                            logWriter.flush();
                        } catch (IOException e) {
                            // the log is best effort (e.g. a full disk); the trial's own files say how it ended
                        }
                    }
                }
            }
            int code = process.waitFor();
            stdin.close();
            return outcome(trial, code, log);
        } catch (IOException e) {
            if (stopping) {
                throw new InterruptedException("the sweep is stopping");
            }
            throw new UncheckedIOException("the process of trial " + trial.id() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            running.remove(process);
        }
    }

    private Process startProcess(SweepTrial trial, int threads, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "# " + Instant.now() + " trial " + trial.id() + ", " + threads + " thread(s)\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(childCommand != null ? childCommand
                    : JavaCommand.forMain(TrialChild.class))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            JavaCommand.engineEnvironment(pb.environment(), threads);
            Process p = pb.start();
            running.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a process for trial " + trial.id() + ": " + e.getMessage(), e);
        }
    }

    private TrialStatus outcome(SweepTrial trial, int exitCode, Path log) throws InterruptedException {
        TrialDirectory dir = trial.directory();
        TrialStatus recorded = dir.holdsTrial() ? dir.readStatus().orElse(null) : null;
        if (recorded != null && recorded.status() != TrialStatus.State.RUNNING) {
            return recorded;
        }
        if (stopping) {
            throw new InterruptedException("the sweep is stopping");
        }
        if (exitCode == SIGINT_EXIT || exitCode == SIGTERM_EXIT) {
            // stopped by a signal (e.g. Ctrl-C reaches the whole process group): resumable, not failed
            return recorded != null ? recorded : TrialStatus.running(0);
        }
        String reason = "the trial process ended with exit code " + exitCode + lastError(log);
        TrialStatus failed = TrialStatus.failed(recorded == null ? 0 : recorded.step(), reason);
        if (dir.holdsTrial()) {
            dir.writeStatus(failed);
        }
        return failed;
    }

    /** ": <the last line starting with 'error:'>" from the log, or nothing. */
    private static String lastError(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = lines.get(i).strip();
                if (l.startsWith("error:") || l.contains("Exception") || l.contains("Error:")) {
                    return ": " + l.replaceFirst("^error: ", "");
                }
                if (l.startsWith("# ")) {
                    break; // the start of this run's part of the log
                }
            }
        } catch (IOException e) {
            // the reason stays the exit code alone
        }
        return " (see " + log + ")";
    }

    @Override
    public void stopAll() {
        stopping = true;
        for (Process p : running) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
