package org.polygrok.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rule of docs/ARCHITECTURE.md that nothing imports {@code cli}, checked on the source tree: no class
 * under {@code org.polygrok.experiments} imports {@code org.polygrok.cli} or names one of its classes in code.
 */
class ExperimentsNeverImportCliTest {
    private static final Path EXPERIMENTS = Path.of("src/main/java/org/polygrok/experiments");
    /** An import of cli, or a qualified name of it in code (comments are not code). */
    private static final Pattern USES_CLI = Pattern.compile("^\\s*import\\s+(static\\s+)?org\\.polygrok\\.cli\\b"
            + "|^(?!\\s*(\\*|//|/\\*)).*\\borg\\.polygrok\\.cli\\.");

    @Test
    void noExperimentsClassUsesTheCli() throws IOException {
        assertThat(EXPERIMENTS).as("run from the experiments module").isDirectory();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXPERIMENTS)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> offences.addAll(uses(f)));
        }
        assertThat(offences).as("experiments packages must not import org.polygrok.cli (docs/ARCHITECTURE.md)")
                .isEmpty();
    }

    @Test
    void theRuleSeesImportsAndQualifiedNamesButNotComments() {
        assertThat(USES_CLI.matcher("import org.polygrok.cli.Polygrok;").find()).isTrue();
        assertThat(USES_CLI.matcher("import static org.polygrok.cli.Polygrok.FAILED;").find()).isTrue();
        assertThat(USES_CLI.matcher("        int code = org.polygrok.cli.Polygrok.execute(args, out, err);").find())
                .isTrue();
        assertThat(USES_CLI.matcher(" * its main class is {@code org.polygrok.cli.SparkSubmitMain}").find()).isFalse();
        assertThat(USES_CLI.matcher("import org.polygrok.experiments.train.TrialRunner;").find()).isFalse();
    }

    private static List<String> uses(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (USES_CLI.matcher(lines.get(i)).find()) {
                    found.add(EXPERIMENTS.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
