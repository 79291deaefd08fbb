package org.polygrok.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polygrok.plotting.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code polygrok report DIR}: one self-contained HTML page of every experiment under DIR. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/report.html: per experiment its configuration, backends, summary tables and "
                + "figures, inline (no network needed to open it).")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    BackendOption backend;

    @Parameters(paramLabel = "DIR", description = "A results folder (polygrok run --out).")
    Path dir;

    @Mixin
    FigureOptions figures;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        backend.validateIfGiven();
        Path report = HtmlReport.write(dir, figures.plotOptions());
        spec.commandLine().getOut().printf("wrote %s%n", report);
        return 0;
    }
}
