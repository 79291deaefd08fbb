package org.polygrok.experiments.sweep.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.polygrok.experiments.io.Json;

/**
 * An experiment's {@code experiment.json} (docs/RESULTS.md), plus the sweep's own invocation so that
 * {@code polygrok resume DIR} can rebuild it; Q6 also records its budget fractions α and T.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"experiment", "question", "scale", "sweep", "backends", "models", "seeds", "notes", "alphas",
    "horizon", "invocation"})
public record ExperimentRecord(String experiment, String question, String scale, List<String> sweep,
        List<String> backends, List<String> models, List<Long> seeds, String notes, List<Double> alphas, Long horizon,
        Invocation invocation) {

    public static final String FILE = "experiment.json";

    /** How the sweep was started: the command line, the user's setting changes and the trials run at once. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Invocation(String command, Map<String, Object> set, int parallel) {
        public Invocation {
            set = set == null ? Map.of() : set;
        }
    }

    public static boolean exists(Path experimentDir) {
        return java.nio.file.Files.isRegularFile(experimentDir.resolve(FILE));
    }

    public static ExperimentRecord read(Path experimentDir) {
        ExperimentRecord r = Json.read(experimentDir.resolve(FILE), ExperimentRecord.class);
        if (r.experiment() == null || r.scale() == null || r.backends() == null || r.models() == null
                || r.seeds() == null || r.invocation() == null) {
            throw new IllegalArgumentException(experimentDir.resolve(FILE) + " is not a polygrok sweep record "
                    + "(experiment, scale, backends, models, seeds or invocation is missing)");
        }
        return r;
    }

    public void write(Path experimentDir) {
        Json.write(experimentDir.resolve(FILE), this);
    }

    /** What differs between the sweep recorded here and {@code other} (empty when one can continue the other). */
    public List<String> differencesFrom(ExperimentRecord other) {
        List<String> out = new ArrayList<>();
        compare(out, "scale", scale, other.scale);
        compare(out, "backends", backends, other.backends);
        compare(out, "models", models, other.models);
        compare(out, "seeds", seeds, other.seeds);
        compare(out, "--set", normalized(invocation.set()), normalized(other.invocation.set()));
        return out;
    }

    private static void compare(List<String> out, String what, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            out.add(what + " " + theirs + " vs " + mine);
        }
    }

    private static Object normalized(Map<String, Object> set) {
        return Json.mapper().convertValue(new java.util.TreeMap<>(set), Map.class).toString();
    }
}
