package org.polygrok.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SIGKILL of a whole process tree: its process group when it leads one ({@code setsid}), else its descendants. */
final class ProcessGroups {
    private ProcessGroups() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));
    }

    /** Kills {@code p} and every process it started, at once, and waits until they are gone. */
    static void killTree(Process p) throws IOException, InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        if (available()) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).inheritIO().start().waitFor();
        }
        tree.forEach(ProcessHandle::destroyForcibly); // SIGKILL; a no-op for those already dead
        for (ProcessHandle h : tree) {
            h.onExit().join();
        }
    }
}
