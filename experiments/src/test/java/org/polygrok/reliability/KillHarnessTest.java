package org.polygrok.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick sweep killed {@code polygrok.kills} times (default 3; 20 for the table of docs/RELIABILITY.md) at
 * moments drawn from seed {@code polygrok.killSeed}, resumed after each: nothing lost, nothing trained twice,
 * nothing corrupt. The table goes to {@code target/reliability/kills.md}.
 */
class KillHarnessTest {
    @TempDir
    Path tmp;

    @Test
    void aSweepKilledAtRandomMomentsEndsAsIfNeverKilled() throws Exception {
        int kills = Integer.getInteger("polygrok.kills", 3);
        long seed = Long.getLong("polygrok.killSeed", 16);
        KillHarness.Report report = new KillHarness(tmp, Cli.sweep("sanity", null, 100,
                "--parallel=2", "--models=gpt")).run(kills, seed);
        Path table = Path.of("target", "reliability", "kills.md");
        Files.createDirectories(table.getParent());
        Files.writeString(table, report.table(), StandardCharsets.UTF_8);
        assertThat(report.kills()).hasSize(kills);
        assertThat(report.problems()).as(report.table()).isEmpty();
    }
}
