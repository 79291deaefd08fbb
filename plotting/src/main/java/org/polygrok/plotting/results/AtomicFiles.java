package org.polygrok.plotting.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
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
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            readableByAll(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new IOException(reason(e), e); // e.g. "No space left on device", without the temporary file's name
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Deletes the temporary files ({@code .NAME*.tmp}) that a process killed in the middle of {@link #write}
     * left in {@code dir}; call it only while no other process writes there (e.g. under the sweep's lock).
     */
    public static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // litter only: a later run tries again
        }
    }

    /** Why an I/O operation failed, without the path a {@link FileSystemException} puts in front. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Overwrites a small existing file in place, without allocating a new one: the fallback when a full disk
     * refuses the temporary file of {@link #write}. Not atomic; false when it cannot be done either.
     */
    public static boolean overwriteInPlace(Path file, byte[] bytes) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b, b.position());
            }
            ch.truncate(bytes.length);
            ch.force(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Forces a folder's entries (a rename into it) to disk; a no-op where folders cannot be opened (not Linux). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the rename itself is atomic either way
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
