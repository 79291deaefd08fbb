package org.polygrok.nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;

/** The order of a SameDiff graph's ops for a {@link GraphPlan}, and which variables each op reads. */
final class GraphOrder {
    private GraphOrder() {
    }

    /** Every variable {@code output} is computed from, directly or not. */
    static Set<String> ancestors(SameDiff sd, String output) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(output));
        while (!todo.isEmpty()) {
            String opName = sd.getVariables().get(todo.pop()).getOutputOfOp();
            if (opName != null) {
                for (String in : sd.getOps().get(opName).getInputsToOp()) {
                    if (seen.add(in)) {
                        todo.push(in);
                    }
                }
            }
        }
        return seen;
    }

    /** The ops the outputs need, each after the ops that produce its inputs. */
    static List<SameDiffOp> opsInOrder(SameDiff sd, List<String> outputNames) {
        List<SameDiffOp> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String out : outputNames) {
            visit(sd, out, order, done, visiting);
        }
        return order;
    }

    private static void visit(SameDiff sd, String variable, List<SameDiffOp> order, Set<String> done, Set<String> visiting) {
        Variable v = sd.getVariables().get(variable);
        if (v == null) {
            throw new IllegalArgumentException("the graph has no variable '" + variable + "'");
        }
        String opName = v.getOutputOfOp();
        if (opName == null || done.contains(opName)) {
            return;
        }
        if (!visiting.add(opName)) {
            throw new IllegalStateException("the graph has a cycle through op '" + opName + "'");
        }
        SameDiffOp op = sd.getOps().get(opName);
        if (op.getControlDeps() != null && !op.getControlDeps().isEmpty()) {
            throw new IllegalStateException("op '" + opName + "' has control dependencies, which plans do not support");
        }
        for (String in : op.getInputsToOp() == null ? List.<String>of() : op.getInputsToOp()) {
            visit(sd, in, order, done, visiting);
        }
        visiting.remove(opName);
        done.add(opName);
        order.add(op);
    }

    /** Index of the last op reading each variable; outputs are read after the last op. */
    static Map<String, Integer> lastUses(List<SameDiffOp> order, List<String> outputNames) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            for (String in : order.get(i).getInputsToOp()) {
                last.put(in, i);
            }
        }
        for (String out : outputNames) {
            last.put(out, Integer.MAX_VALUE);
        }
        return last;
    }
}
