package org.polygrok.experiments.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.polygrok.plotting.results.Json;

/**
 * The one protocol by which a polygrok child JVM (a sweep's trial process, a benchmark process) talks to
 * the process that started it: one line per event on the child's standard output, {@value #MARK}
 * followed by a JSON object whose {@code "event"} names the event. Every other output line is not an
 * event (logs, engine chatter) and is passed on as such.
 */
public final class ChildEvents {
    public static final String MARK = "@polygrok-event ";
    /** The key that names an event. */
    public static final String EVENT = "event";

    private ChildEvents() {
    }

    /** The child's side: prints {@code event} (which holds {@value #EVENT}) as one line and flushes. */
    public static void emit(PrintStream out, Map<String, Object> event) {
        synchronized (out) {
            out.println(MARK + Json.line(event));
            out.flush();
        }
    }

    /** The parent's side: the event on {@code line}, or empty when the line is not a (readable) event. */
    public static Optional<JsonNode> parse(String line) {
        if (!line.startsWith(MARK)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(line.substring(MARK.length())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The name of {@code event}. */
    public static String name(JsonNode event) {
        return event.path(EVENT).asText();
    }
}
