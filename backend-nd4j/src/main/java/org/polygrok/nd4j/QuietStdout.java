package org.polygrok.nd4j;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs a SameDiff call that prints one "Added differentiated op ..." line per op on stdout (M2.1
 * prints them unconditionally while building the gradient graph) with those lines dropped; every
 * other line written meanwhile still reaches stdout.
 */
final class QuietStdout {
    static final String DIFFERENTIATION_LINE = "Added differentiated op";
    private static final Object LOCK = new Object();

    private QuietStdout() {
    }

    static <T> T call(Supplier<T> action) {
        synchronized (LOCK) {
            PrintStream original = System.out;
            LineFilter filter = new LineFilter(original);
            PrintStream filtered = new PrintStream(filter, true, StandardCharsets.UTF_8);
            System.setOut(filtered);
            try {
                return action.get();
            } finally {
                filtered.flush();
                filter.finish();
                System.setOut(original);
            }
        }
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Forwards whole lines, except those that start with {@link #DIFFERENTIATION_LINE}. */
    private static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public void flush() {
            target.flush();
        }

        /** Emits an unfinished last line. */
        void finish() {
            if (line.size() > 0) {
                emit();
            }
            target.flush();
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!text.startsWith(DIFFERENTIATION_LINE)) {
                target.print(text);
            }
        }
    }
}
