package org.polygrok.cli;

import java.util.List;
import org.polygrok.experiments.data.DatasetSpec;
import org.polygrok.experiments.data.Operator;
import org.polygrok.experiments.data.SplitRule;
import picocli.CommandLine.Option;

/** The dataset's options (PROTOCOL §1), shared by {@code dataset} and {@code train}. */
public final class DatasetOptions {
    @Option(names = "--p", paramLabel = "P", defaultValue = "31", description = "Modulus p (default: ${DEFAULT-VALUE}).")
    int p;

    @Option(names = "--operator", paramLabel = "OP", defaultValue = "+",
            description = "Operator: + - * / (default: ${DEFAULT-VALUE}).")
    String operator;

    @Option(names = "--orders", paramLabel = "2|3|2,3", defaultValue = "2", split = ",", hideParamSyntax = true,
            description = "Operation orders (default: ${DEFAULT-VALUE}).")
    List<Integer> orders;

    @Option(names = "--r-train", paramLabel = "R", defaultValue = "0.5",
            description = "Fraction of equations used for training, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double rTrain;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the shuffle, the initial weights and the batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split", paramLabel = "RULE", defaultValue = "plain",
            description = "plain, or per-order (Q4: each order split at r_train on its own; needs --orders 2,3) "
                    + "(default: ${DEFAULT-VALUE}).")
    String split;

    /** @throws IllegalArgumentException with one sentence for invalid settings */
    public DatasetSpec spec() {
        return new DatasetSpec(p, Operator.fromSymbol(operator), orders, rTrain, seed, SplitRule.fromLabel(split));
    }
}
