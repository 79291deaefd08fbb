package org.polygrok.plotting.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one atomic write of every results file (JSON, summaries, figures, the report): a temporary file
 * beside the target, forced to disk, then renamed over it, so a reader or a crash never sees half a file.
 */
public final class AtomicFiles {
    /** What fills a file written as a stream (an image, a page). */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes what {@code content} produces, atomically; returns {@code file}. */
    public static Path write(Path file, Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        content.writeTo(bytes);
        write(file, bytes.toByteArray());
        return file;
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            readableByAll(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are private (rw-------); results are ordinary files (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }

    /**
     * Checks, without creating anything, that {@code dir} is (or can become) a writable directory.
     *
     * @throws IllegalArgumentException with one sentence saying why not
     */
    public static void requireWritableDirectory(Path dir, String what) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(what + " " + dir + " is a file, not a folder");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(what + " " + dir + " cannot be created: "
                    + (existing == null ? "no existing parent" : existing + " is a file"));
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(what + " " + dir + " is not writable (" + existing + " is read-only)");
        }
        try { // isWritable says yes for root on read-only mounts: probe with a file that is removed again
            Path probe = Files.createTempFile(existing, ".polygrok-probe", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(what + " " + dir + " is not writable (" + existing + " is read-only)");
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " " + dir + " is not writable: " + e.getMessage());
        }
    }
}
