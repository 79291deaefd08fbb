package org.polygrok.plotting.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.polygrok.plotting.results.ExperimentFolder;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.Trial;

/** One experiment's part of the report: configuration, backends, trial status, tables, figures. */
public final class ExperimentSection {

    /** Trial config keys shown elsewhere (backends, settings) or meaningless to compare. */
    private static final Set<String> NOT_COMPARED = Set.of("setting", "seed", "backend", "engine", "polygrok_version",
            "experiment");

    /** experiment.json fields shown in their own rows above. */
    private static final Set<String> SPEC_SHOWN = Set.of("experiment", "question", "scale", "sweep", "backends",
            "models", "seeds", "notes");

    /** Numbers by value (64 before 128), then text. */
    private static final Comparator<String> NUMBERS_FIRST = (a, b) -> {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        return x != null ? -1 : y != null ? 1 : a.compareTo(b);
    };

    private ExperimentSection() {
    }

    /** The section's HTML; {@code figures} are PNG files, embedded as data: URIs. */
    public static String html(ExperimentFolder e, List<Path> figures) {
        ExperimentRecord spec = e.spec();
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"").append(Html.anchor(e.dir().getFileName().toString())).append("\">\n<h2>")
                .append(Html.esc(spec.displayName())).append("</h2>\n");
        b.append("<h3>Configuration</h3>\n<table class=\"config\">\n");
        row(b, "directory", e.dir().getFileName());
        row(b, "scale", spec.scale());
        row(b, "swept", spec.sweep().isEmpty() ? "nothing (default setting)" : String.join(", ", spec.sweep()));
        row(b, "models", String.join(", ", e.models()));
        row(b, "seeds", spec.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        row(b, "notes", spec.notes());
        spec.asMap().forEach((k, v) -> {
            if (!SPEC_SHOWN.contains(k)) {
                row(b, k, v instanceof Map<?, ?> m && m.containsKey("command") ? m.get("command") : v);
            }
        });
        trialConfig(b, e.trials());
        b.append("</table>\n");
        backends(b, e);
        trialStatus(b, e.trials());
        if (!e.summary().isEmpty() || !e.trials().isEmpty()) {
            b.append("<h3>Summary (mean ± std over seeds)</h3>\n").append(SummaryTables.of(e));
        }
        b.append(SeedComparisonTables.html(e.summary()));
        b.append("<h3>Figures</h3>\n");
        if (figures.isEmpty()) {
            b.append("<p class=\"note\">No figures: no evaluations logged yet.</p>\n");
        }
        b.append("<div class=\"figures\">\n");
        for (Path f : figures) {
            String name = f.getFileName().toString();
            b.append("<figure><img alt=\"").append(Html.esc(name)).append("\" src=\"data:image/png;base64,")
                    .append(base64(f)).append("\"><figcaption>").append(Html.esc(name))
                    .append(" (SVG beside it in figures/)</figcaption></figure>\n");
        }
        b.append("</div>\n");
        return b.append("</section>\n").toString();
    }

    /** Trial config values: those equal in every trial as one row each, those that vary listed with their values. */
    private static void trialConfig(StringBuilder b, List<Trial> trials) {
        Map<String, Set<String>> values = new TreeMap<>();
        for (Trial t : trials) {
            t.config().asMap().forEach((k, v) -> {
                if (!NOT_COMPARED.contains(k)) {
                    values.computeIfAbsent(k, x -> new TreeSet<>(NUMBERS_FIRST)).add(Objects.toString(v));
                }
            });
        }
        List<String> varying = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v.size() == 1) {
                row(b, k, v.iterator().next());
            } else {
                varying.add(k + " ∈ {" + String.join(", ", v) + "}");
            }
        });
        if (!varying.isEmpty()) {
            row(b, "varies across trials", String.join("; ", varying));
        }
    }

    private static void backends(StringBuilder b, ExperimentFolder e) {
        b.append("<h3>Backend").append(e.backends().size() > 1 ? "s" : "").append("</h3>\n<table class=\"config\">\n");
        for (String backend : e.backends()) {
            Set<String> engines = new LinkedHashSet<>();
            Set<String> versions = new LinkedHashSet<>();
            e.trials().stream().filter(t -> t.config().backend().equals(backend)).forEach(t -> {
                engines.add(t.config().engine());
                versions.add(Objects.toString(t.config().asMap().getOrDefault("polygrok_version", "")));
            });
            engines.remove("");
            versions.remove("");
            String text = engines.isEmpty() ? "(engine not recorded)" : String.join(", ", engines);
            if (!versions.isEmpty()) {
                text += " — polygrok " + String.join(", ", versions);
            }
            row(b, backend, text);
        }
        b.append("</table>\n");
    }

    private static void trialStatus(StringBuilder b, List<Trial> trials) {
        if (trials.isEmpty()) {
            return;
        }
        Map<String, Long> counts = new LinkedHashMap<>(new TreeMap<>(trials.stream()
                .collect(Collectors.groupingBy(t -> t.statusLabel(), Collectors.counting()))));
        b.append("<p>Trials: ").append(Html.esc(counts.entrySet().stream().map(c -> c.getValue() + " " + c.getKey())
                .collect(Collectors.joining(", ")))).append(".</p>\n");
        List<Trial> failed = trials.stream().filter(t -> t.failed()).toList();
        if (!failed.isEmpty()) {
            b.append("<ul class=\"failed\">\n");
            failed.forEach(t -> b.append("<li>").append(Html.esc(t.id())).append(" failed at step ")
                    .append(t.status().step()).append(": ").append(Html.esc(t.status().reason())).append("</li>\n"));
            b.append("</ul>\n");
        }
    }

    private static void row(StringBuilder b, String key, Object value) {
        String v = Objects.toString(value, "");
        if (!v.isEmpty()) {
            b.append("<tr><th class=\"key\">").append(Html.esc(key)).append("</th><td>").append(Html.esc(v))
                    .append("</td></tr>\n");
        }
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String base64(Path png) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read figure " + png, ex);
        }
    }
}
