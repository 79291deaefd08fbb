package org.polygrok.plotting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Writes the synthetic fixture to a directory, draws it and writes its report, for looking at by eye. */
public final class RenderFixtureMain {

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args.length > 0 ? args[0] : "target/fixture-look");
        Files.createDirectories(root);
        SyntheticResults.writeAll(root);
        PlotOptions options = new PlotOptions(args.length > 1 && args[1].equals("logx"));
        System.out.println(HtmlReport.write(root, options));
    }
}
