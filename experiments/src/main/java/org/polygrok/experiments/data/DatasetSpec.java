package org.polygrok.experiments.data;

import java.util.List;
import java.util.TreeSet;

/**
 * What defines a dataset and its split: modulus p (= q), operator, operation orders (2, 3 or both),
 * the train fraction r_train, the shuffle seed and the split rule. The constructor rejects invalid
 * combinations with one sentence.
 */
public record DatasetSpec(int p, Operator operator, List<Integer> orders, double rTrain, long seed, SplitRule split) {
    /** More equations than this are refused (order 3 grows as p³). */
    public static final long MAX_EQUATIONS = 2_000_000;

    public DatasetSpec {
        if (operator == null) {
            throw new IllegalArgumentException("an operator is required (+ - * /)");
        }
        if (p < 2) {
            throw new IllegalArgumentException("p must be at least 2, got " + p);
        }
        if (operator == Operator.DIVIDE && !isPrime(p)) {
            throw new IllegalArgumentException("p must be prime for the operator '/', got " + p);
        }
        if (!(rTrain > 0 && rTrain <= 1)) {
            throw new IllegalArgumentException("r_train must be in (0, 1], got " + rTrain);
        }
        if (orders == null || orders.isEmpty() || !orders.stream().allMatch(o -> o != null && (o == 2 || o == 3))) {
            throw new IllegalArgumentException("orders must be 2, 3 or 2,3, got " + orders);
        }
        orders = List.copyOf(new TreeSet<>(orders));
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be between 0 and 4294967295 (numpy's range), got " + seed);
        }
        if (split == null) {
            split = SplitRule.PLAIN;
        }
        if (split == SplitRule.PER_ORDER && orders.size() != 2) {
            throw new IllegalArgumentException("the per-order split needs orders 2,3, got " + orders);
        }
        long n = equationCount(p, operator, orders);
        if (n > MAX_EQUATIONS) {
            throw new IllegalArgumentException("p = " + p + " with orders " + orders + " gives " + n
                    + " equations; at most " + MAX_EQUATIONS + " are supported");
        }
    }

    public DatasetSpec(int p, Operator operator, List<Integer> orders, double rTrain, long seed) {
        this(p, operator, orders, rTrain, seed, SplitRule.PLAIN);
    }

    /** The defaults of the protocol: p = 31, "+", order 2, r_train 0.5, seed 42. */
    public static DatasetSpec defaults() {
        return new DatasetSpec(31, Operator.ADD, List.of(2), 0.5, 42);
    }

    public boolean mixedOrders() {
        return orders.size() > 1;
    }

    /** Number of equations before the split. */
    public long equationCount() {
        return equationCount(p, operator, orders);
    }

    private static long equationCount(int p, Operator operator, List<Integer> orders) {
        long operands = operator == Operator.DIVIDE ? p - 1 : p; // divisors skip 0
        long n = 0;
        for (int order : orders) {
            n += order == 2 ? p * operands : p * operands * operands;
        }
        return n;
    }

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
