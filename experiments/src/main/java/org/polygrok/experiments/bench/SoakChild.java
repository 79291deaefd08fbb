package org.polygrok.experiments.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.Backends;
import org.polygrok.plotting.results.Json;
import org.polygrok.experiments.process.ChildEvents;
import org.polygrok.experiments.train.ModelKind;

/**
 * The entry point of one soak process: {@code --backend NAME --soak STEPS --every N} and the
 * {@link BenchSettings#toArgs()} options; prints a {@value #SAMPLE} line per memory sample and one
 * {@link ChildEvents} line {@code {"event": "soaked", "row": {...}}} with the {@link SoakRow}, or a message on
 * stderr and exit code 1.
 */
public final class SoakChild {
    public static final String SOAKED = "soaked";
    public static final String SAMPLE = "soak sample ";

    private SoakChild() {
    }

    public static void main(String[] args) {
        try {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                a.put(args[i], args[i + 1]);
            }
            BenchSettings settings = new BenchSettings(ModelKind.fromLabel(a.get("--model")), integer(a, "--batch"),
                    1, 0, integer(a, "--threads"), 1, integer(a, "--dim"), integer(a, "--layers"), integer(a, "--p"));
            SoakRow row = SoakMeasurement.measure(Backends.select(a.get("--backend")), settings,
                    Long.parseLong(a.get("--soak")), Long.parseLong(a.get("--every")),
                    s -> System.out.println(SAMPLE + Json.line(s)));
            ChildEvents.emit(System.out, Map.of(ChildEvents.EVENT, SOAKED, "row", row));
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("error: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The child's arguments. */
    static List<String> args(String backend, BenchSettings s, long steps, long every) {
        List<String> out = new java.util.ArrayList<>(List.of("--backend", backend, "--soak", "" + steps, "--every",
                "" + every));
        out.addAll(s.toArgs());
        return out;
    }

    private static int integer(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return Integer.parseInt(v);
    }
}
