package org.polygrok.plotting.results;

import java.nio.file.Path;

/** One trial directory: its configuration, evaluations and status. */
public record Trial(String id, Path dir, TrialConfig config, MetricsTable metrics, TrialStatus status) {
}
