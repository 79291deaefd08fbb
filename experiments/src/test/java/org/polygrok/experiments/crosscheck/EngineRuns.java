package org.polygrok.experiments.crosscheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.plotting.results.TrialConfig;

/** Trajectories on the real engines for the agreement tests, each computed once per test JVM. */
final class EngineRuns {
    private static final Map<String, BackendTrajectory> CACHE = new ConcurrentHashMap<>();

    private EngineRuns() {
    }

    /** Names of every backend that can load here, best rank first. */
    static List<String> available() {
        return Backends.providers().stream().filter(BackendProvider::isAvailable).map(BackendProvider::name).toList();
    }

    /** Every unordered pair of available backends, as {first, second}. */
    static List<String[]> pairs() {
        List<String> names = available();
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                out.add(new String[] {names.get(i), names.get(j)});
            }
        }
        return out;
    }

    /** {@code steps} steps of {@code config} on {@code backend} with two engine threads. */
    static synchronized BackendTrajectory trajectory(String backend, TrialConfig config, int steps) {
        String key = backend + " " + steps + " " + config;
        BackendTrajectory cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        PreparedTrial trial = PreparedTrial.prepare(config);
        try (Backend b = Backends.select(backend).create(new BackendOptions(2, false))) {
            BackendTrajectory t = TrajectoryRecorder.record(trial, b, steps);
            CACHE.put(key, t);
            return t;
        }
    }
}
