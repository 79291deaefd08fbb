package org.polygrok.experiments.sweep.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two sweeps from working in one experiment folder at once: an OS file lock on
 * {@code <experiment>/.lock}, released when the sweep ends or its process dies. The holder writes who it is
 * (pid, host, start time) into the file, so a refused sweep can name it; a lock file left by a killed sweep
 * holds no OS lock any more and is simply taken over (its text overwritten).
 */
final class SweepLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalArgumentException when another sweep holds the folder */
    static SweepLock acquire(Path experimentDir) throws IOException {
        Files.createDirectories(experimentDir);
        FileChannel ch = FileChannel.open(experimentDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw held(experimentDir);
        }
        try {
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap((self() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
            ch.force(false);
        } catch (IOException e) {
            // who holds the lock is information only; the OS lock is what counts
        }
        return new SweepLock(ch, lock);
    }

    /**
     * Refuses, naming the holder, when another sweep holds {@code experimentDir}'s lock at this moment;
     * creates and changes nothing. A sweep checking a folder's contents calls this before calling them
     * foreign: what it saw may be the files of a sweep that started a moment earlier.
     */
    static void refuseIfHeld(Path experimentDir) {
        Path file = experimentDir.resolve(".lock");
        if (!Files.isRegularFile(file)) {
            return;
        }
        boolean held;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            held = probe == null;
            if (probe != null) {
                probe.release();
            }
        } catch (IOException e) {
            return; // an unusable lock file: the caller's own check speaks
        }
        if (held) {
            throw held(experimentDir);
        }
    }

    /** The refusal naming the holder, once it has written who it is (it does so right after locking). */
    private static IllegalArgumentException held(Path experimentDir) {
        String holder = holder(experimentDir.resolve(".lock"));
        for (int wait = 0; holder.isEmpty() && wait < 20; wait++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            holder = holder(experimentDir.resolve(".lock"));
        }
        return new IllegalArgumentException("another polygrok sweep" + (holder.isEmpty() ? "" : " (" + holder + ")")
                + " is running in " + experimentDir + "; wait for it to end or stop it first");
    }

    /** "pid N on HOST since TIME" of this process. */
    static String self() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " since "
                + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** What the holder wrote into the lock file; empty when it has not written yet. */
    static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock with the channel or the process anyway
        }
    }
}
