package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An experiment's {@code experiment.json} (docs/RESULTS.md): which experiment ran (its question, scale,
 * swept keys), on which backends, models and seeds, its notes, Q6's budget fractions α and horizon T, and
 * the sweep's own invocation so that {@code polygrok resume DIR} can rebuild it (and, for a sweep from a spec
 * file, its spec; the study's own are known by name). Reading is lenient (a
 * missing list reads as empty, a missing text as ""), so plotting redraws any folder; a sweep that resumes
 * from the record asks {@link #requireResumable(Path)} first.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"experiment", "question", "scale", "sweep", "backends", "models", "seeds", "notes", "alphas",
    "horizon", "invocation", "spec"})
public record ExperimentRecord(String experiment, String question, String scale, List<String> sweep,
        List<String> backends, List<String> models, List<Long> seeds, String notes, List<Double> alphas, Long horizon,
        Invocation invocation, Object spec) {

    public static final String FILE = "experiment.json";

    /** How the sweep was started: the command line, the user's setting changes and the trials run at once. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Invocation(String command, Map<String, Object> set, int parallel) {
        public Invocation {
            set = set == null ? Map.of() : set;
        }
    }

    public ExperimentRecord {
        question = question == null ? "" : question;
        scale = scale == null ? "" : scale;
        notes = notes == null ? "" : notes;
        sweep = sweep == null ? List.of() : List.copyOf(sweep);
        backends = backends == null ? List.of() : List.copyOf(backends);
        models = models == null ? List.of() : List.copyOf(models);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
    }

    public static boolean exists(Path experimentDir) {
        return Files.isRegularFile(experimentDir.resolve(FILE));
    }

    /**
     * @throws IllegalArgumentException naming the file when it is not JSON or does not name its experiment
     */
    public static ExperimentRecord read(Path experimentDir) {
        Path file = experimentDir.resolve(FILE);
        ExperimentRecord r = Json.read(file, ExperimentRecord.class);
        if (r.experiment() == null || r.experiment().isEmpty()) {
            throw new IllegalArgumentException(file + " does not name its experiment (key \"experiment\")");
        }
        return r;
    }

    /**
     * The record of a sweep that {@code polygrok resume} can continue.
     *
     * @throws IllegalArgumentException when a field the sweep needs is missing
     */
    public static ExperimentRecord requireResumable(Path experimentDir) {
        ExperimentRecord r = read(experimentDir);
        if (r.scale().isEmpty() || r.backends().isEmpty() || r.models().isEmpty() || r.seeds().isEmpty()
                || r.invocation() == null) {
            throw new IllegalArgumentException(experimentDir.resolve(FILE) + " is not a polygrok sweep record "
                    + "(experiment, scale, backends, models, seeds or invocation is missing)");
        }
        return r;
    }

    public void write(Path experimentDir) {
        Json.write(experimentDir.resolve(FILE), this);
    }

    /** "data-scaling (Q3)", or the bare name when no question is known. */
    public String displayName() {
        return question.isEmpty() ? experiment : experiment + " (" + question + ")";
    }

    /** Every field as written in experiment.json (nulls left out), in file order. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return Json.mapper().convertValue(this, LinkedHashMap.class);
    }

    /** What differs between the sweep recorded here and {@code other} (empty when one can continue the other). */
    public List<String> differencesFrom(ExperimentRecord other) {
        List<String> out = new ArrayList<>();
        compare(out, "scale", scale, other.scale);
        compare(out, "backends", backends, other.backends);
        compare(out, "models", models, other.models);
        compare(out, "seeds", seeds, other.seeds);
        compare(out, "--set", normalized(invocation.set()), normalized(other.invocation.set()));
        if (!Objects.equals(asJson(spec), asJson(other.spec))) {
            out.add("spec changed");
        }
        return out;
    }

    private static void compare(List<String> out, String what, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            out.add(what + " " + theirs + " vs " + mine);
        }
    }

    /** A recorded spec (read back as maps) and a spec being planned (a record) compare by their JSON text. */
    private static String asJson(Object spec) {
        return spec == null ? null : Json.line(Json.mapper().convertValue(spec, Object.class));
    }

    private static Object normalized(Map<String, Object> set) {
        return Json.mapper().convertValue(new TreeMap<>(set), Map.class).toString();
    }
}
