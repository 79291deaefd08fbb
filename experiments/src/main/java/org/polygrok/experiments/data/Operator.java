package org.polygrok.experiments.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The binary operation of a dataset, with its token ({@code + - * /}). */
public enum Operator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** (a op b) mod q, always in [0, q); not defined for {@link #DIVIDE} (its equations are built backwards). */
    public int apply(long a, long b, int q) {
        long r = switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> throw new IllegalStateException("division equations are generated from products");
        };
        return (int) Math.floorMod(r, (long) q);
    }

    /** The operator written as {@code symbol}; a clear error for anything else. */
    public static Operator fromSymbol(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + symbol + "'; use one of "
                + Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(" ")));
    }

    @Override
    public String toString() {
        return symbol;
    }
}
