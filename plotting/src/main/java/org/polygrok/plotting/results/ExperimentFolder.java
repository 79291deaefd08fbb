package org.polygrok.plotting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one experiment directory holds: its spec, its trials, its summary rows and, for Q8, its
 * attention maps (one file per backend).
 */
public record ExperimentFolder(Path dir, ExperimentRecord spec, List<Trial> trials, List<SummaryRow> summary,
                         List<AttentionMaps> attention) {

    public ExperimentFolder {
        trials = List.copyOf(trials);
        summary = List.copyOf(summary);
        attention = List.copyOf(attention);
    }

    public String name() {
        return spec.experiment();
    }

    /** Backends in the order the spec names them, then any others found in trials or summary rows. */
    public List<String> backends() {
        Set<String> out = new LinkedHashSet<>(spec.backends());
        trials.forEach(t -> out.add(t.config().backend()));
        summary.forEach(r -> out.add(r.backend()));
        attention.forEach(a -> out.add(a.backend()));
        out.remove("");
        return new ArrayList<>(out);
    }

    /** Models in the order the spec names them, then any others found in trials or summary rows. */
    public List<String> models() {
        Set<String> out = new LinkedHashSet<>(spec.models());
        trials.forEach(t -> out.add(t.config().model()));
        summary.forEach(r -> out.add(r.model()));
        out.remove("");
        return new ArrayList<>(out);
    }
}
