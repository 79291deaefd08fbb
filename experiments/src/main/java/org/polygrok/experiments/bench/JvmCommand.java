package org.polygrok.experiments.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a JVM like this one (same {@code java}, class path and {@code -D}/{@code -X}
 * options) running another main class, and the engine environment of the launcher script.
 */
final class JvmCommand {
    private JvmCommand() {
    }

    static List<String> forMain(Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((a.startsWith("-D") || a.startsWith("-X")) && !a.startsWith("-Xdebug") && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** The launcher's engine settings, where the user has not set them (bin/polygrok sets the same). */
    static Map<String, String> engineEnvironment() {
        Map<String, String> env = new HashMap<>();
        setIfAbsent(env, "OMP_WAIT_POLICY", "PASSIVE");
        setIfAbsent(env, "OPENBLAS_NUM_THREADS", "1");
        setIfAbsent(env, "TF_CPP_MIN_LOG_LEVEL", "2");
        setIfAbsent(env, "MALLOC_ARENA_MAX", "2");
        return env;
    }

    private static void setIfAbsent(Map<String, String> env, String name, String value) {
        env.put(name, System.getenv().getOrDefault(name, value));
    }
}
