package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunEstimateTest {
    @TempDir
    Path tmp;

    @Test
    void aDryRunProbesEachTrialShapeOnceAndPrintsTheExpectedWallTime() {
        Path out = tmp.resolve("plan");
        CliResult r = CliResult.run(TinySweeps.run("sanity", out, 200, "--dry-run", "--parallel=2"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("probing djl"))).hasSize(2); // lstm and gpt, not per seed
        assertThat(r.out()).contains("expected wall time on this machine", "4 trials, --parallel 2 (1 thread each): ",
                "in all");
        assertThat(out).doesNotExist();
    }
}
