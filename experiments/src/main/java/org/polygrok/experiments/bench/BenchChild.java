package org.polygrok.experiments.bench;

import java.util.HashMap;
import java.util.Map;
import org.polygrok.api.Backends;
import org.polygrok.experiments.process.ChildEvents;
import org.polygrok.experiments.train.ModelKind;

/**
 * The entry point of one benchmark process: {@code --backend NAME} and the {@link BenchSettings#toArgs()}
 * options; prints one {@link ChildEvents} line {@code {"event": "measured", "row": {...}}} with the
 * {@link BenchRow}, or a message on stderr and exit code 1.
 */
public final class BenchChild {
    /** The event that carries the measured row. */
    public static final String MEASURED = "measured";

    private BenchChild() {
    }

    public static void main(String[] args) {
        try {
            Map<String, String> a = options(args);
            BenchSettings settings = new BenchSettings(ModelKind.fromLabel(a.get("--model")), integer(a, "--batch"),
                    integer(a, "--steps"), integer(a, "--warmup"), integer(a, "--threads"), integer(a, "--eval-repeats"),
                    integer(a, "--dim"), integer(a, "--layers"), integer(a, "--p"));
            BenchRow row = BenchMeasurement.measure(Backends.select(a.get("--backend")), settings);
            ChildEvents.emit(System.out, Map.of(ChildEvents.EVENT, MEASURED, "row", row));
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("error: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in --name value pairs");
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put(args[i], args[i + 1]);
        }
        return m;
    }

    private static int integer(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return Integer.parseInt(v);
    }
}
