package org.polygrok.experiments.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-seed values of one summary row: a backend's finished seeds of one model and setting (and
 * α for Q6), each metric as one value per seed in {@code seeds} order.
 */
public record SeedGroup(String backend, String model, Map<String, Object> setting, Double alpha, List<Long> seeds,
        Map<String, double[]> values) {

    public SeedGroup {
        setting = Map.copyOf(setting);
        seeds = List.copyOf(seeds);
        Map<String, double[]> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.clone()));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether {@code other} is the same model, setting and α on another (or the same) backend. */
    public boolean sameCell(SeedGroup other) {
        return model.equals(other.model) && setting.equals(other.setting) && Objects.equals(alpha, other.alpha);
    }

    /** Whether this group is the row of that backend, model, setting and α. */
    public boolean isRow(String backend, String model, Map<String, Object> setting, Double alpha) {
        return this.backend.equals(backend) && this.model.equals(model) && this.setting.equals(setting)
                && Objects.equals(this.alpha, alpha);
    }
}
