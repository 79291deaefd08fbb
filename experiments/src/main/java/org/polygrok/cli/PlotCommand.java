package org.polygrok.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polygrok.plotting.Plotting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code polygrok plot DIR}: draws every figure of the experiments found under DIR. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw every figure (PNG and SVG) of the experiments under DIR into <experiment>/figures/.")
final class PlotCommand implements Callable<Integer> {
    @Mixin
    BackendOption backend;

    @Parameters(paramLabel = "DIR", description = "A results folder (polygrok run --out) or one experiment in it.")
    Path dir;

    @Mixin
    FigureOptions figures;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        backend.validateIfGiven();
        List<Path> written = Plotting.plotAll(dir, figures.plotOptions());
        spec.commandLine().getOut().printf("wrote %d figure files under %s%n", written.size(), dir);
        return 0;
    }
}
