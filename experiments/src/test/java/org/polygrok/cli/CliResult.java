package org.polygrok.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The exit code and output of one in-process {@code polygrok} invocation. */
record CliResult(int code, String out, String err) {

    static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Polygrok.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }
}
