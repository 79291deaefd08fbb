package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The variables of a {@link GraphPlan} that share one buffer (views bound by {@link ViewOps},
 * reshapes, pass-through outputs, blocks placed by {@link ConcatPlacement}), grouped by the buffer's
 * base address, and the point where such a buffer may be handed to a later op: once the last use of
 * every variable in its group has passed. Before this, shared buffers stayed allocated for the whole
 * plan. Peak RSS of {@code polygrok bench}, paired runs before -> after: LSTM B = 480 536-537 -> 488
 * MB, B = 32 390 -> 342-343; GPT B = 480 539-543 -> 468-502, B = 32 388 -> 350-355 (torch: 308,
 * 263, 367, 287).
 *
 * <p>Only buffers the plan allocated for op outputs (and concatenation outputs it placed blocks in)
 * are ever handed on: a group holding a weight, an input, a constant or an output (whose last use
 * is after the last op) keeps its buffer, and so does a buffer whose base the plan did not allocate
 * (caller targets, a concatenation that still has to run).
 */
final class SharedBuffers {
    /** The variables bound to one buffer; {@code released} once it went back to the free list. */
    private static final class Group {
        final long address;
        final List<String> names = new ArrayList<>();
        boolean released;

        Group(long address) {
            this.address = address;
        }
    }

    private final Map<Long, Group> groupAt = new HashMap<>();
    private final Map<String, Group> groupOf = new HashMap<>();
    /** Dense arrays the plan allocated for intermediate values, by buffer address: the arrays a group may release. */
    private final Map<Long, INDArray> allocated = new HashMap<>();
    private final Set<String> everShared = new HashSet<>();

    /** Records that the plan allocated {@code a} (not a view) for an intermediate value: it may be reused. */
    void allocated(INDArray a) {
        if (!a.isEmpty() && !a.isView()) {
            allocated.put(a.data().address(), a);
        }
    }

    /** Records that variable {@code name} is bound to {@code a}, which shares its buffer with other variables. */
    void share(String name, INDArray a) {
        everShared.add(name);
        if (a.isEmpty()) {
            return; // no buffer: nothing to hand on
        }
        Group group = groupAt.computeIfAbsent(a.data().address(), Group::new);
        group.names.add(name);
        groupOf.put(name, group);
    }

    /** Whether {@code name} shares a buffer (it is then released only through {@link #release}). */
    boolean isShared(String name) {
        return everShared.contains(name);
    }

    /**
     * The array to hand back to the free list after the op at {@code position}, when {@code name}'s
     * group is done with its buffer: no variable of it is read after that op, every variable may be
     * released, and the plan allocated the buffer. At most once per buffer allocation.
     *
     * @param lastUse the index of the last op reading a variable (−1 when none does)
     * @param releasable whether a variable is an intermediate value of the plan (not a weight, input,
     *     constant or output)
     */
    INDArray release(String name, int position, ToIntFunction<String> lastUse, Predicate<String> releasable) {
        Group group = groupOf.get(name);
        if (group == null || group.released) {
            return null;
        }
        for (String n : group.names) {
            if (lastUse.applyAsInt(n) > position || !releasable.test(n)) {
                return null;
            }
        }
        INDArray base = allocated.get(group.address);
        if (base == null) {
            return null;
        }
        group.released = true;
        groupAt.remove(group.address); // the next variables bound to this buffer form a new group
        return base;
    }
}
