package org.polygrok.experiments.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep written as data (docs/SPECS.md): its name (the experiment folder), the handout question it
 * answers, a note, the settings every trial shares ({@code base}, {@code config.json} keys, {@code gpt.KEY}
 * for one model), the swept settings ({@code grid}: one list of values per key, trained as their cartesian
 * product, first key outermost), the models, seeds and backends, Q6's budget fractions α, and {@code quick}:
 * what the quick scale changes. Missing lists are empty ({@code null} for seeds and backends: the
 * protocol's seeds, the command line's backend).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "question", "notes", "base", "grid", "models", "seeds", "backends", "alphas", "quick"})
public record SweepSpec(String name, String question, String notes, Map<String, Object> base,
        Map<String, List<Object>> grid, List<String> models, List<Long> seeds, List<String> backends,
        List<Double> alphas, Quick quick) {

    /** The protocol's seeds, used when a spec names none. */
    public static final List<Long> PROTOCOL_SEEDS = List.of(0L, 42L);

    public SweepSpec {
        question = question == null ? "" : question;
        notes = notes == null ? "" : notes;
        base = ordered(base);
        grid = grid == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        models = models == null ? List.of("lstm", "gpt") : List.copyOf(models);
        seeds = seeds == null ? null : List.copyOf(seeds);
        backends = backends == null ? null : List.copyOf(backends);
        alphas = alphas == null ? List.of() : List.copyOf(alphas);
    }

    /**
     * What the quick scale changes: {@code base} is applied on top of the full scale's base; a given
     * grid, seed list, α list or note replaces the full scale's.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"notes", "base", "grid", "seeds", "alphas"})
    public record Quick(String notes, Map<String, Object> base, Map<String, List<Object>> grid, List<Long> seeds,
            List<Double> alphas) {
        public Quick {
            base = ordered(base);
            grid = grid == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        }
    }

    /** The swept keys, in grid order (empty without a grid). */
    public List<String> sweep() {
        return grid == null ? List.of() : List.copyOf(grid.keySet());
    }

    private static Map<String, Object> ordered(Map<String, Object> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
