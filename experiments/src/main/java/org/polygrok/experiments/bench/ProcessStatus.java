package org.polygrok.experiments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory (VmHWM) and thread count of a process, from Linux's {@code /proc/<pid>/status}. */
record ProcessStatus(double peakRssMb, int threads) {

    /** CPU time of this process so far, all threads, in nanoseconds (-1 where the JVM cannot tell). */
    static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** This process's status; fails on systems without {@code /proc}. */
    static ProcessStatus self() {
        return of(Path.of("/proc/self/status"));
    }

    static ProcessStatus of(Path status) {
        try {
            long hwmKb = -1;
            int threads = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    hwmKb = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring(8).trim());
                }
            }
            if (hwmKb < 0 || threads < 0) {
                throw new IllegalStateException(status + " has no VmHWM or Threads line");
            }
            return new ProcessStatus(Math.round(hwmKb / 102.4) / 10.0, threads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + status + " (peak memory is measured on Linux only): "
                    + e.getMessage(), e);
        }
    }
}
