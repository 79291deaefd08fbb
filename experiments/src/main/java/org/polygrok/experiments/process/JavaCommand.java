package org.polygrok.experiments.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of a Java process like this one: the same {@code java}, class path,
 * {@code -D}/{@code -X}/{@code -XX} options and current {@code polygrok.*} system properties, with the
 * engine settings of the launcher script (passive OpenMP waiting, one OpenBLAS thread, quiet TensorFlow)
 * and the given number of engine threads.
 *
 * <p>A child runs one trial (or one benchmark) and is memory-bound, not pause-bound, so it gets
 * {@link #CHILD_HEAP_OPTIONS} unless this process names a collector or an initial heap itself: the serial
 * collector (no G1 remembered sets, card tables or GC threads) and a 32 MB initial heap, which keeps the
 * young generation, and with it the resident Java heap, small. Measured (docs/MEMORY.md): up to 60 MB less
 * peak RSS per trial (TF, ND4J), the same CPU time per step.
 */
public final class JavaCommand {
    /** The collector and initial heap of a child JVM; a parent option of the same kind replaces each. */
    public static final List<String> CHILD_HEAP_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m");

    private JavaCommand() {
    }

    public static List<String> forMain(Class<?> mainClass, String... args) {
        List<String> inherited = inheritedOptions(ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(childHeapOptions(inherited));
        cmd.addAll(inherited);
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("polygrok.")).sorted()
                .forEach(n -> cmd.add("-D" + n + "=" + System.getProperty(n)));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The options of {@code jvmArguments} a child repeats: -D, -X and -XX, without debugger agents. */
    static List<String> inheritedOptions(List<String> jvmArguments) {
        return jvmArguments.stream()
                .filter(a -> a.startsWith("-D") || a.startsWith("-X"))
                .filter(a -> !a.startsWith("-Xdebug") && !a.startsWith("-Xrunjdwp"))
                .toList();
    }

    /** {@link #CHILD_HEAP_OPTIONS}, less the collector or initial heap that {@code inherited} already sets. */
    static List<String> childHeapOptions(List<String> inherited) {
        boolean namesCollector = inherited.stream().anyMatch(a -> a.matches("-XX:\\+Use\\w*GC"));
        boolean namesInitialHeap = inherited.stream()
                .anyMatch(a -> a.startsWith("-Xms") || a.startsWith("-XX:InitialHeapSize="));
        return CHILD_HEAP_OPTIONS.stream()
                .filter(o -> !(o.startsWith("-XX:+Use") && namesCollector) && !(o.startsWith("-Xms") && namesInitialHeap))
                .toList();
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
