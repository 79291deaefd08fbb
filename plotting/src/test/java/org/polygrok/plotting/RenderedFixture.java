package org.polygrok.plotting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The synthetic fixture written once per test JVM, with its report written (which draws every figure), so
 * that the figure, report and reader tests share one rendering.
 */
final class RenderedFixture {

    private static Path root;
    private static Path report;

    private RenderedFixture() {
    }

    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("polygrok-plotting-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                SyntheticResults.writeAll(dir);
                report = HtmlReport.write(dir);
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static Path report() {
        root();
        return report;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
