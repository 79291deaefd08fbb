package org.polygrok.plotting.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial's {@code config.json}: the fields plotting needs, typed, plus every field as read (for the
 * report's configuration table).
 */
public record TrialConfig(String model, String backend, String engine, long seed, Setting setting,
                          Map<String, Object> fields) {

    public TrialConfig {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
