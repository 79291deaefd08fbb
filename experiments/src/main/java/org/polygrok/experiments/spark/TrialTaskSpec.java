package org.polygrok.experiments.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polygrok.plotting.results.Json;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.sweep.run.TrialChild;
import org.polygrok.plotting.results.TrialConfig;

/**
 * What one Spark task needs to run one trial on an executor: the trial (id, absolute folder, configuration as
 * JSON, steps), its experiment's folder, the engine threads, and the trial JVM's options and class path
 * ({@code null}: the executor JVM's own class path).
 */
record TrialTaskSpec(String trialId, String trialDir, String experimentDir, String configJson, long steps, int threads,
        ArrayList<String> javaOptions, String classPath) implements Serializable {

    private static final long serialVersionUID = 1L;

    static TrialTaskSpec of(SweepTrial trial, int threads, List<String> javaOptions, String classPath) {
        Path dir = trial.dir().toAbsolutePath().normalize();
        return new TrialTaskSpec(trial.id(), dir.toString(), dir.getParent().getParent().toString(),
                Json.line(trial.config()), trial.effectiveSteps(), threads, new ArrayList<>(javaOptions), classPath);
    }

    /** The trial, rebuilt on the executor. */
    SweepTrial trial() {
        try {
            TrialConfig config = Json.mapper().readValue(configJson, TrialConfig.class);
            return new SweepTrial(trialId, config, Map.of(), Path.of(trialDir), steps);
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration of trial " + trialId + " is not readable", e);
        }
    }

    /** The trial JVM's command line on this host: its java, the driver's JVM options, the class path, the trial child. */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(javaOptions);
        cmd.add("-cp");
        cmd.add(classPath != null ? classPath : System.getProperty("java.class.path"));
        cmd.add(TrialChild.class.getName());
        return cmd;
    }
}
