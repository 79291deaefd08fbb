package org.polygrok.experiments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory of this process after {@code step} training steps, in MB: resident set (VmRSS), Java heap in use,
 * and native memory = resident set − committed heap (engine buffers, JIT, thread stacks; exact when the heap
 * is fixed and pre-touched, as {@link SoakRunner} starts it).
 */
public record SoakSample(long step, double rssMb, double heapUsedMb, double nativeMb) {
    /** The soak process's heap (-Xms = -Xmx, pre-touched, see {@link SoakRunner}). */
    static final int HEAP_MB = 512;

    /** This process now (Linux {@code /proc/self/status}). */
    static SoakSample now(long step) {
        Runtime rt = Runtime.getRuntime();
        double rss = residentMb(Path.of("/proc/self/status"));
        double committed = rt.totalMemory() / 1048576.0;
        double used = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        return new SoakSample(step, round(rss), round(used), round(rss - committed));
    }

    static double residentMb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
                }
            }
            throw new IllegalStateException(status + " has no VmRSS line");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + status + " (memory is sampled on Linux only): "
                    + e.getMessage(), e);
        }
    }

    private static double round(double mb) {
        return Math.round(mb * 10) / 10.0;
    }
}
