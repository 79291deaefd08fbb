package org.polygrok.plotting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.polygrok.plotting.report.ExperimentSection;
import org.polygrok.plotting.report.Html;
import org.polygrok.plotting.results.AtomicFiles;
import org.polygrok.plotting.results.ExperimentFolder;
import org.polygrok.plotting.results.ResultsReader;

/**
 * Writes {@code dir/report.html}: one self-contained page (figures inline as data: URIs, style inline, no
 * network) with every experiment under {@code dir}: configuration, backends, summary tables, figures. The
 * figures are redrawn (and saved under each experiment's figures/) so the page matches the files.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";

    private HtmlReport() {
    }

    public static Path write(Path dir) {
        return write(dir, PlotOptions.DEFAULTS);
    }

    public static Path write(Path dir, PlotOptions options) {
        List<ExperimentFolder> experiments = ResultsReader.findExperiments(dir).stream().map(ResultsReader::read)
                .sorted(Comparator.comparing((ExperimentFolder e) -> questionOrder(e.spec().question()))
                        .thenComparing(e -> e.dir().getFileName().toString()))
                .toList();
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException("no experiment directories (with experiment.json or attention.json) under "
                    + dir);
        }
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>polygrok report</title>\n<style>\n").append(Html.CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>polygrok report</h1>\n<p class=\"note\">").append(Html.esc(dir.toAbsolutePath().normalize()))
                .append("</p>\n<nav><ul>\n");
        for (ExperimentFolder e : experiments) {
            page.append("<li><a href=\"#").append(Html.anchor(e.dir().getFileName().toString())).append("\">")
                    .append(Html.esc(e.spec().displayName())).append("</a></li>\n");
        }
        page.append("</ul></nav>\n");
        for (ExperimentFolder e : experiments) {
            List<Path> pngs = Plotting.plotExperiment(e.dir(), options).stream()
                    .filter(p -> p.getFileName().toString().endsWith(".png")).toList();
            page.append(ExperimentSection.html(e, pngs));
        }
        page.append(Html.IMAGE_CHECK).append("</body>\n</html>\n");
        return writeAtomically(dir.resolve(FILE_NAME), page.toString());
    }

    /** Q1, Q3, ... Q8 in order; experiments without a question last. */
    private static int questionOrder(String question) {
        return question.matches("Q\\d+") ? Integer.parseInt(question.substring(1)) : Integer.MAX_VALUE;
    }

    private static Path writeAtomically(Path target, String text) {
        try {
            return AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
