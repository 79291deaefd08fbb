package org.polygrok.experiments.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.cli.Polygrok;
import org.polygrok.experiments.sweep.run.TrialChild;
import org.polygrok.plotting.results.TrialStatus;
import org.polygrok.experiments.train.TrialDirectory;

/**
 * Sweeps on a real Spark give the summary of the local executor: on {@code local[2]}, and on a standalone cluster
 * (Spark's own Master and two Workers on 127.0.0.1, one core each) where one Worker is killed with SIGKILL, with
 * its executor and trial, while its trial runs: Spark runs the task again on the other Worker, the trial continues
 * from its checkpoint, and the summary is still the local one. A small quick sanity sweep on TensorFlow (seed 0:
 * one LSTM and one GPT trial).
 */
class SparkSweepTest {
    private static final int STEPS = 400;

    @TempDir
    static Path tmp;

    private static String localSummary;

    private static List<String> sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "sanity", "--scale=quick", "--backend=tf", "--seeds=0",
                "--set=p=7", "--set=dim=16", "--set=layers=1", "--set=eval_first=2", "--set=eval_period=10",
                "--set=steps=" + STEPS, "--out=" + out));
        args.addAll(List.of(extra));
        return args;
    }

    @BeforeAll
    static void localRun() throws IOException {
        Path out = tmp.resolve("local");
        StringWriter err = new StringWriter();
        int code = Polygrok.execute(sweep(out, "--parallel=2").toArray(String[]::new),
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        localSummary = Files.readString(out.resolve("sanity/summary.json"));
    }

    @Test
    void localTwoCoresWritesTheLocalSummary() throws Exception {
        Path out = tmp.resolve("local2");
        Path log = tmp.resolve("local2.log");
        Process driver = SparkJvms.start(SparkJvms.command(List.of(), Polygrok.class.getName(),
                sweep(out, "--executor=spark", "--master=local[2]")), sparkHome(), log.toFile());
        assertThat(driver.waitFor(5, TimeUnit.MINUTES)).as("the sweep ended in time").isTrue();
        assertThat(driver.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("spark: 2 trials at once, 1 engine thread(s) each")
                .contains("done: 2 trials");
        assertThat(Files.readString(out.resolve("sanity/summary.json"))).isEqualTo(localSummary);
    }

    @Test
    void aStandaloneClusterLosingAWorkerWritesTheLocalSummary() throws Exception {
        Path home = sparkHome();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + port;
        List<Process> cluster = new ArrayList<>();
        try {
            cluster.add(SparkJvms.start(SparkJvms.command(List.of(), "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0")), home,
                    tmp.resolve("master.log").toFile()));
            for (int i = 0; i < 2; i++) {
                cluster.add(SparkJvms.start(SparkJvms.command(List.of(), "org.apache.spark.deploy.worker.Worker",
                        List.of("--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", "0",
                                "--work-dir", Files.createDirectories(tmp.resolve("work" + i)).toString(), master)),
                        home, tmp.resolve("worker" + i + ".log").toFile()));
            }
            Path out = tmp.resolve("cluster");
            Path log = tmp.resolve("cluster.log");
            Process driver = SparkJvms.start(SparkJvms.command(
                    List.of("-D" + TrialChild.CHECKPOINT_PERIOD_PROPERTY + "=10"), Polygrok.class.getName(),
                    sweep(out, "--executor=spark", "--master=" + master, "--conf=spark.executor.memory=512m",
                            "--conf=spark.executor.extraClassPath=" + System.getProperty("java.class.path"))),
                    home, log.toFile());
            cluster.add(driver);

            String killed = killAWorkerMidTrial(cluster.subList(1, 3), out.resolve("sanity"), driver);

            assertThat(driver.waitFor(10, TimeUnit.MINUTES)).as("the sweep ended in time").isTrue();
            String output = Files.readString(log);
            assertThat(driver.exitValue()).as(output).isZero();
            assertThat(output).contains("done: 2 trials").contains("trial " + killed + ": its task (attempt 1)");
            assertThat(Files.readString(out.resolve("sanity/summary.json"))).isEqualTo(localSummary);
            assertThat(new TrialDirectory(out.resolve("sanity/trials").resolve(killed)).readStatus())
                    .contains(TrialStatus.done(STEPS));
            assertThat(Files.readAllLines(out.resolve("sanity/logs/" + killed + ".log")).stream()
                    .filter(l -> l.startsWith("# ")).count()).as("the killed trial ran twice").isEqualTo(2);
        } finally {
            for (Process p : cluster) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /** Waits for a trial past its first checkpoint, SIGKILLs its Worker with its executor and trial; its id. */
    private static String killAWorkerMidTrial(List<Process> workers, Path experiment, Process driver)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (true) {
            assertThat(driver.isAlive()).as("the sweep ended before a worker could be killed").isTrue();
            assertThat(System.nanoTime()).as("no trial reached a checkpoint in time").isLessThan(deadline);
            for (Process worker : workers) {
                for (ProcessHandle p : worker.descendants().toList()) {
                    Optional<String> trial = trialOf(p, experiment);
                    if (trial.isPresent()) {
                        List<ProcessHandle> tree = new ArrayList<>(worker.descendants().toList());
                        tree.add(worker.toHandle());
                        tree.forEach(ProcessHandle::destroyForcibly); // SIGKILL: the host is gone
                        return trial.get();
                    }
                }
            }
            Thread.sleep(50);
        }
    }

    /** The trial a process runs (its error output is {@code logs/<trial>.log}), once the trial has a checkpoint. */
    private static Optional<String> trialOf(ProcessHandle p, Path experiment) {
        try {
            Path err = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "fd", "2"));
            if (!err.startsWith(experiment.resolve("logs")) || !err.toString().endsWith(".log")) {
                return Optional.empty();
            }
            String id = err.getFileName().toString().replaceFirst("\\.log$", "");
            Path dir = experiment.resolve("trials").resolve(id);
            boolean midway = Files.isRegularFile(dir.resolve("checkpoint/state.json"))
                    && new TrialDirectory(dir).readStatus().map(s -> s.status() == TrialStatus.State.RUNNING)
                            .orElse(false);
            return midway ? Optional.of(id) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended, or is not a trial
        }
    }

    /** An empty SPARK_HOME (its jars/ folder empty): executors get their classes from the test class path. */
    private static Path sparkHome() throws IOException {
        return Files.createDirectories(tmp.resolve("spark-home/jars")).getParent();
    }
}
