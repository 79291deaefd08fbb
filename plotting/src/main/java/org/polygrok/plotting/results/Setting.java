package org.polygrok.plotting.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The swept values of one trial or summary row, e.g. {@code {"layers": 2, "dim": 64}}. Equal settings
 * compare equal whatever their key order.
 */
public final class Setting {

    public static final Setting EMPTY = new Setting(Map.of());

    private final Map<String, Object> values;

    public Setting(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The numeric value of {@code key}; throws a clear error when it is missing or not a number. */
    public double number(String key) {
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("setting " + this + " has no numeric value for '" + key + "'");
    }

    /** "r_train=0.3, dim=64"; "default" when empty. */
    @Override
    public String toString() {
        if (values.isEmpty()) {
            return "default";
        }
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** A canonical form: keys sorted, numbers by value (2 and 2.0 are the same setting). */
    public String key() {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.doubleValue() : v));
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting s && key().equals(s.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }
}
