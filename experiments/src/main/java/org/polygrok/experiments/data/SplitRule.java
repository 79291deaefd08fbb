package org.polygrok.experiments.data;

/** How the shuffled equations are divided into train and validation (PROTOCOL §1.6 and §1.7). */
public enum SplitRule {
    /** The reference's split: the first round(N·r_train) shuffled rows train, the rest validate. */
    PLAIN,
    /** The Q4 split: all rows, then each order group shuffled and split at r_train on its own. */
    PER_ORDER;

    /** The command-line spelling: {@code plain} or {@code per-order}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }

    public static SplitRule fromLabel(String label) {
        for (SplitRule r : values()) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown split '" + label + "'; use plain or per-order");
    }
}
