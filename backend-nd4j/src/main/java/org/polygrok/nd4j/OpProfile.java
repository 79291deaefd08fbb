package org.polygrok.nd4j;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a compiled graph's time goes, per op type: calls and nanoseconds, summed over every plan run
 * in this JVM. Off unless the system property {@value #PROPERTY} is {@code true}; then a table is
 * printed to stderr when the JVM exits. A diagnostic for benchmarks, not a measurement to assert on.
 */
final class OpProfile {
    static final String PROPERTY = "polygrok.nd4j.profile";
    static final boolean ENABLED = Boolean.getBoolean(PROPERTY);
    private static final Map<String, LongAdder[]> TOTALS = new ConcurrentHashMap<>();

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpProfile::print, "nd4j-op-profile"));
        }
    }

    private OpProfile() {
    }

    /** Adds one execution of an op of type {@code name} that took {@code nanos}. */
    static void record(String name, long nanos) {
        LongAdder[] t = TOTALS.computeIfAbsent(name, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        t[0].increment();
        t[1].add(nanos);
    }

    private static void print() {
        Map<Long, String> byTime = new TreeMap<>((a, b) -> Long.compare(b, a));
        long total = 0;
        for (Map.Entry<String, LongAdder[]> e : TOTALS.entrySet()) {
            long ns = e.getValue()[1].sum();
            total += ns;
            byTime.put(ns * 1000 + byTime.size(), String.format("%-28s %9d calls %10.1f ms %8.1f us/call", e.getKey(),
                    e.getValue()[0].sum(), ns / 1e6, ns / 1e3 / Math.max(1, e.getValue()[0].sum())));
        }
        StringBuilder sb = new StringBuilder("nd4j op profile (total " + String.format("%.1f", total / 1e6) + " ms)\n");
        byTime.values().forEach(line -> sb.append("  ").append(line).append('\n'));
        System.err.print(sb);
    }
}
