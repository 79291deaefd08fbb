package org.polygrok.experiments.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;

/** A task that says on which host a file the driver wrote is not visible (null where it is). */
final class ProbeTask implements Function<Integer, String> {
    private static final long serialVersionUID = 1L;
    private final String file;

    ProbeTask(String file) {
        this.file = file;
    }

    @Override
    public String call(Integer ignored) {
        return Files.exists(Path.of(file)) ? null : TrialTask.host();
    }
}
