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
 * {@code <experiment>/.lock}, released when the sweep ends or its process dies.
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
            throw new IllegalArgumentException("another polygrok sweep is running in " + experimentDir
                    + "; wait for it to end or stop it first");
        }
        return new SweepLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
