package org.polygrok.reliability;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The ways a results file gets damaged: cut short, garbled, gone. */
final class Corruption {
    private Corruption() {
    }

    /** Cuts {@code file} to half its length. */
    static void truncateHalf(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
    }

    /** Cuts the last line of a JSONL file in the middle (no line break after it), as a crash mid-append does. */
    static void halfLastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        StringBuilder s = new StringBuilder();
        lines.subList(0, lines.size() - 1).forEach(l -> s.append(l).append('\n'));
        s.append(last, 0, last.length() / 2);
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    static void garble(Path file) throws IOException {
        Files.writeString(file, "{\"status\": DO\u0000NE", StandardCharsets.UTF_8);
    }

    static void setStatusRunning(Path trial, long step) throws IOException {
        Files.writeString(trial.resolve("status.json"), "{\"status\":\"RUNNING\",\"step\":" + step + "}\n");
    }

    static void delete(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
