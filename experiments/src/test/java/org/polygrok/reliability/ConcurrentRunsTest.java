package org.polygrok.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sweeps started together on one results folder: one runs, the other is refused with exit code 2 in one
 * sentence naming the holder. The holder is then killed (SIGKILL, leaving its lock file behind) and a
 * {@code resume} takes the stale lock over and finishes the sweep.
 */
class ConcurrentRunsTest {
    @TempDir
    Path tmp;

    @Test
    void theSecondSweepIsRefusedAndAStaleLockIsTakenOver() throws Exception {
        Path out = tmp.resolve("out");
        String[] args = Cli.sweep("sanity", out, 150, "--parallel=1", "--models=gpt");
        Process a = Cli.start(tmp.resolve("a.log"), 10, args);
        Process b = Cli.start(tmp.resolve("b.log"), 10, args);
        Process refused = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (refused == null) {
            assertThat(System.nanoTime()).as("neither sweep was refused").isLessThan(deadline);
            if (!a.isAlive()) {
                refused = a;
            } else if (!b.isAlive()) {
                refused = b;
            } else {
                Thread.sleep(50);
            }
        }
        Process holder = refused == a ? b : a;
        String refusal = Files.readString(tmp.resolve(refused == a ? "a.log" : "b.log"), StandardCharsets.UTF_8).strip();
        assertThat(refused.exitValue()).as(refusal).isEqualTo(2);
        assertThat(refusal).startsWith("error: another polygrok sweep (pid " + holder.pid() + " on ")
                .contains("is running in " + out.resolve("sanity")).doesNotContain("\n").doesNotContain("Exception");
        assertThat(holder.isAlive()).as("the holder goes on").isTrue();

        ProcessGroups.killTree(holder); // leaves .lock, naming a dead process
        Path lock = out.resolve("sanity/.lock");
        assertThat(Files.readString(lock)).contains("pid " + holder.pid() + " ");

        Cli.Result resumed = Cli.run("resume", out.toString());
        assertThat(resumed.code()).as(resumed.all()).isZero();
        assertThat(Files.readString(lock)).contains("pid " + ProcessHandle.current().pid() + " ");
        assertThat(new ResultsTree(out).statuses().values())
                .allSatisfy(s -> assertThat(s.orElseThrow().status().name()).isEqualTo("DONE"));
    }
}
