package org.polygrok.experiments.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of a Java process like this one: the same {@code java}, class path,
 * {@code -D}/{@code -X} options and current {@code polygrok.*} system properties, with the engine
 * settings of the launcher script (passive OpenMP waiting, one OpenBLAS thread, quiet TensorFlow) and
 * the given number of engine threads.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    public static List<String> forMain(Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((a.startsWith("-D") || a.startsWith("-X")) && !a.startsWith("-Xdebug") && !a.startsWith("-Xrunjdwp")) {
                cmd.add(a);
            }
        }
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("polygrok.")).sorted()
                .forEach(n -> cmd.add("-D" + n + "=" + System.getProperty(n)));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Sets the engine environment in {@code env}, keeping what the user set except the thread count. */
    public static void engineEnvironment(Map<String, String> env, int threads) {
        env.put("OMP_NUM_THREADS", Integer.toString(threads));
        env.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        env.putIfAbsent("OPENBLAS_NUM_THREADS", "1");
        env.putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
