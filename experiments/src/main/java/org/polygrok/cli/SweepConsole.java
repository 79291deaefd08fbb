package org.polygrok.cli;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import org.polygrok.experiments.spark.ClusterExecutor;
import org.polygrok.experiments.spark.SparkExecutors;
import org.polygrok.experiments.progress.ConsoleProgress;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.sweep.run.SweepRunner;
import picocli.CommandLine;

/**
 * Runs sweeps for {@code run} and {@code resume}, on this machine or on Spark ({@code --executor spark}): progress
 * bars on a terminal, log lines otherwise; the exit code.
 */
final class SweepConsole {
    private final SweepRunner runner;

    @Inject
    SweepConsole(SweepRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs the requests with the executor chosen; on Spark, as many trials at once as the cluster has slots unless
     * {@code parallelGiven}. Returns 0 when every trial is DONE, else {@link Polygrok#FAILED}.
     */
    int run(CommandLine cl, List<SweepRequest> requests, boolean verbose, ExecutorOptions executor,
            boolean parallelGiven) {
        if (!executor.spark()) {
            return run(cl, runner, requests, verbose);
        }
        PrintWriter err = cl.getErr();
        try (ClusterExecutor cluster = SparkExecutors.open(executor.settings(verbose), requests.get(0).out(), m -> {
            err.println(m);
            err.flush();
        })) {
            int slots = cluster.slots();
            List<SweepRequest> onCluster = parallelGiven ? requests
                    : requests.stream().map(r -> new SweepRequest(r.experiment(), r.scale(), r.backends(), r.models(),
                            r.seeds(), r.changes(), slots, r.retryFailed(), r.out(), r.onlyBackend())).toList();
            cl.getOut().println("spark: " + slots + " trials at once, " + cluster.threadsPerTrial()
                    + " engine thread(s) each (spark.task.cpus)");
            return run(cl, new SweepRunner(cluster), onCluster, verbose);
        }
    }

    /** Runs the requests on this machine (crosscheck's curve mode); the exit code as {@link #run}'s. */
    int runLocal(CommandLine cl, List<SweepRequest> requests, boolean verbose) {
        return run(cl, runner, requests, verbose);
    }

    private static int run(CommandLine cl, SweepRunner runner, List<SweepRequest> requests, boolean verbose) {
        PrintWriter out = cl.getOut();
        String command = "polygrok " + String.join(" ", cl.getParseResult().originalArgs());
        List<SweepRunner.Result> results;
        try (ProgressListener progress = ConsoleProgress.create(out, verbose)) {
            results = runner.run(requests, command.strip(), progress);
        }
        long failed = results.stream().mapToLong(SweepRunner.Result::failed).sum();
        long trials = results.stream().mapToLong(r -> r.plan().trials().size()).sum();
        if (failed > 0) {
            cl.getErr().println("error: " + failed + " of " + trials + " trials did not finish (listed in each "
                    + "summary.md); 'polygrok resume " + requests.get(0).out() + " --retry-failed' reruns the failed ones");
            cl.getErr().flush();
            return Polygrok.FAILED;
        }
        out.println("done: " + trials + " trials in " + requests.get(0).out());
        out.flush();
        return 0;
    }
}
