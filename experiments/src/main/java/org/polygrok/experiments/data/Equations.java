package org.polygrok.experiments.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference's equations in its generation order (PROTOCOL §1.3): each a token list without
 * BOS/EOS, all order-2 equations before all order-3 ones.
 */
final class Equations {
    private Equations() {
    }

    static List<String[]> generate(int p, Operator op, List<Integer> orders) {
        List<String[]> out = new ArrayList<>();
        String s = op.symbol();
        String eq = Vocabulary.EQUALS;
        if (orders.contains(2)) {
            if (op == Operator.DIVIDE) {
                for (int c = 0; c < p; c++) { // the quotient, outermost
                    for (int b = 1; b < p; b++) {
                        out.add(new String[] {str((long) b * c % p), s, str(b), eq, str(c)});
                    }
                }
            } else {
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        out.add(new String[] {str(a), s, str(b), eq, str(op.apply(a, b, p))});
                    }
                }
            }
        }
        if (orders.contains(3)) {
            if (op == Operator.DIVIDE) {
                for (int d = 0; d < p; d++) { // the quotient, outermost
                    for (int b = 1; b < p; b++) {
                        for (int c = 1; c < p; c++) {
                            long dividend = (long) b * c % p * d % p;
                            out.add(new String[] {str(dividend), s, str(b), s, str(c), eq, str(d)});
                        }
                    }
                }
            } else {
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        for (int c = 0; c < p; c++) {
                            // left to right: ((a op b) op c) mod p; mod after each step keeps the value the same
                            int r = op.apply(op.apply(a, b, p), c, p);
                            out.add(new String[] {str(a), s, str(b), s, str(c), eq, str(r)});
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String str(long v) {
        return Long.toString(v);
    }
}
