package org.polygrok.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;

/** How errors end a command: bad input gets one sentence and exit 2; a failure gets one sentence and exit 1. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    /** Unknown options, unparsable values, and validation failures raised as ParameterException. */
    static final class BadParameters implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine cl = e.getCommandLine();
            cl.getErr().println("error: " + sentence(e.getMessage()) + " (see '"
                    + cl.getCommandSpec().qualifiedName() + " --help')");
            cl.getErr().flush();
            return Polygrok.BAD_INPUT;
        }
    }

    /** Exceptions from a command's own code: IllegalArgumentException is bad input, anything else a failure. */
    static final class FailedExecution implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
            if (e instanceof IllegalArgumentException) {
                cl.getErr().println("error: " + sentence(e.getMessage()));
                cl.getErr().flush();
                return Polygrok.BAD_INPUT;
            }
            String message = e instanceof UncheckedIOException && e.getCause() != null ? e.getMessage()
                    : e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            cl.getErr().println("error: " + sentence(message));
            if (isVerbose(parsed)) {
                e.printStackTrace(cl.getErr());
            }
            cl.getErr().flush();
            return Polygrok.FAILED;
        }

        private static boolean isVerbose(CommandLine.ParseResult parsed) {
            CommandLine.ParseResult leaf = parsed;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            return leaf.hasMatchedOption("--verbose");
        }
    }

    private static String sentence(String message) {
        return message == null ? "unknown error" : message.strip();
    }
}
