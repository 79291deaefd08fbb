package org.polygrok.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Discovers backends with {@link ServiceLoader} and chooses one: by name, else the environment
 * variable {@code POLYGROK_BACKEND}, else the available backend of highest rank.
 */
public final class Backends {
    public static final String ENV_VARIABLE = "POLYGROK_BACKEND";

    private Backends() {
    }

    /** Every provider on the class path, best rank first. */
    public static List<BackendProvider> providers() {
        List<BackendProvider> all = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(all::add);
        all.sort(Comparator.comparingInt(BackendProvider::rank).reversed().thenComparing(BackendProvider::name));
        return all;
    }

    public static Optional<BackendProvider> find(String name) {
        return providers().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The provider to use: {@code requested} if non-blank, else {@code $POLYGROK_BACKEND}, else the
     * best available.
     *
     * @throws UnknownBackendException naming the available backends, when the name is unknown or
     *     unavailable, or nothing is available
     */
    public static BackendProvider select(String requested) {
        return select(requested, System.getenv(ENV_VARIABLE));
    }

    static BackendProvider select(String requested, String fromEnvironment) {
        List<BackendProvider> all = providers();
        String name = requested != null && !requested.isBlank() ? requested.trim()
                : fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment.trim() : null;
        if (name == null) {
            return all.stream().filter(BackendProvider::isAvailable).findFirst()
                    .orElseThrow(() -> new UnknownBackendException("no backend is available: " + describe(all)));
        }
        BackendProvider provider = all.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownBackendException(
                        "unknown backend '" + name + "'; available: " + availableNames(all) + describeMissing(all)));
        if (!provider.isAvailable()) {
            throw new UnknownBackendException("backend '" + name + "' is not available ("
                    + provider.unavailableReason() + "); available: " + availableNames(all));
        }
        return provider;
    }

    /** Resolves a comma-separated list ("djl,tf,nd4j", or "all" for every available backend). */
    public static List<BackendProvider> selectAll(String commaSeparated) {
        if (commaSeparated.trim().equals("all")) {
            List<BackendProvider> available = providers().stream().filter(BackendProvider::isAvailable).toList();
            if (available.isEmpty()) {
                throw new UnknownBackendException("no backend is available: " + describe(providers()));
            }
            return available;
        }
        List<BackendProvider> out = new ArrayList<>();
        for (String name : commaSeparated.split(",")) {
            BackendProvider p = select(name.trim(), null);
            if (out.stream().anyMatch(q -> q.name().equals(p.name()))) { // providers() makes new instances
                throw new UnknownBackendException("backend '" + p.name() + "' is listed twice");
            }
            out.add(p);
        }
        return out;
    }

    private static String availableNames(List<BackendProvider> all) {
        String names = all.stream().filter(BackendProvider::isAvailable).map(BackendProvider::name)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    private static String describeMissing(List<BackendProvider> all) {
        List<BackendProvider> missing = all.stream().filter(p -> !p.isAvailable()).toList();
        return missing.isEmpty() ? "" : " (not available: " + describe(missing) + ")";
    }

    private static String describe(List<BackendProvider> providers) {
        if (providers.isEmpty()) {
            return "no backend module is on the class path";
        }
        return providers.stream().map(p -> p.name() + (p.isAvailable() ? "" : ": " + p.unavailableReason()))
                .collect(Collectors.joining("; "));
    }
}
