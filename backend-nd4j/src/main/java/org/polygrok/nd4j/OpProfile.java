package org.polygrok.nd4j;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a compiled graph's time goes, per op type: calls, wall and calling-thread CPU nanoseconds,
 * summed over every plan run in this JVM after the plan's first (compiling) run. Off unless the
 * system property {@value #PROPERTY} is {@code true}; then a table is printed to stderr when the
 * JVM exits. A diagnostic for benchmarks, not a measurement to assert on.
 */
@SuppressWarnings("unchecked")
final class OpProfile {
    static final String PROPERTY = "polygrok.nd4j.profile";
    static final boolean ENABLED = Boolean.getBoolean(PROPERTY);
    private static final Map<String, LongAdder[]> TOTALS = new ConcurrentHashMap<>();
    /** Per plan size (ops per run): runs, wall and calling-thread CPU nanoseconds. */
    private static final Map<Integer, LongAdder[]> RUNS = new ConcurrentHashMap<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpProfile::print, "nd4j-op-profile"));
        }
    }

    private OpProfile() {
    }

    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static LongAdder[] adders(Map<?, LongAdder[]> map, Object key) {
        return ((Map<Object, LongAdder[]>) map).computeIfAbsent(key,
                k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    }

    /** Adds one execution of an op of type {@code name} that took {@code nanos} ({@code cpuNanos} on this thread). */
    static void record(String name, long nanos, long cpuNanos) {
        LongAdder[] t = adders(TOTALS, name);
        t[0].increment();
        t[1].add(nanos);
        t[2].add(cpuNanos);
    }

    /** Adds one run of a plan of {@code ops} ops. */
    static void recordRun(int ops, long nanos, long cpuNanos) {
        LongAdder[] t = adders(RUNS, ops);
        t[0].increment();
        t[1].add(nanos);
        t[2].add(cpuNanos);
    }

    private static void print() {
        Map<Long, String> byTime = new TreeMap<>((a, b) -> Long.compare(b, a));
        long total = 0;
        long totalCpu = 0;
        for (Map.Entry<String, LongAdder[]> e : TOTALS.entrySet()) {
            long calls = Math.max(1, e.getValue()[0].sum());
            long ns = e.getValue()[1].sum();
            long cpu = e.getValue()[2].sum();
            total += ns;
            totalCpu += cpu;
            byTime.put(ns * 1000 + byTime.size(), String.format("%-28s %9d calls %10.1f ms %8.1f us/call %8.1f cpu us/call",
                    e.getKey(), calls, ns / 1e6, ns / 1e3 / calls, cpu / 1e3 / calls));
        }
        StringBuilder sb = new StringBuilder(String.format("nd4j op profile: %.1f ms, %.1f ms calling-thread CPU%n",
                total / 1e6, totalCpu / 1e6));
        RUNS.forEach((ops, t) -> sb.append(String.format("  plan of %4d ops: %6d runs %9.2f ms/run %9.2f cpu ms/run%n",
                ops, t[0].sum(), t[1].sum() / 1e6 / t[0].sum(), t[2].sum() / 1e6 / t[0].sum())));
        byTime.values().forEach(line -> sb.append("  ").append(line).append('\n'));
        System.err.print(sb);
    }
}
