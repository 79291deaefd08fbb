package org.polygrok.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines of tiny sweeps on DJL (p = 7, one layer of width 16, a few dozen steps) for the CLI tests. */
final class TinySweeps {
    private TinySweeps() {
    }

    static final List<String> TINY = List.of("--backend=djl", "--set=p=7", "--set=dim=16", "--set=layers=1",
            "--set=eval_first=2", "--set=eval_period=10");

    /** {@code polygrok run EXPERIMENT} with the tiny settings, {@code steps} steps, --out and extra options. */
    static String[] run(String experiment, Path out, int steps, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", experiment));
        args.addAll(TINY);
        args.add("--set=steps=" + steps);
        args.add("--out=" + out);
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
