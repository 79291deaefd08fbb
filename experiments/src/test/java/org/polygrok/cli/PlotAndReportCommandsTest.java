package org.polygrok.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlotAndReportCommandsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"plot", "report"})
    void aMissingFolderIsBadInput(String command) {
        CliResult r = CliResult.run(command, tmp.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("nowhere");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plot", "report"})
    void aCorruptResultsFileIsBadInputAndWritesNothing(String command) throws Exception {
        Path experiment = Files.createDirectories(tmp.resolve("sanity"));
        Files.writeString(experiment.resolve("experiment.json"), "{\"experiment\": \"sanity\", ");
        CliResult r = CliResult.run(command, tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("experiment.json");
        assertThat(tmp.resolve("report.html")).doesNotExist();
        assertThat(experiment.resolve("figures")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plot", "report"})
    void unknownBackendExits2(String command) {
        CliResult r = CliResult.run(command, "--backend", "nope", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown backend 'nope'");
    }
}
