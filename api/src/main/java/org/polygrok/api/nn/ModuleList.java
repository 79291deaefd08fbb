package org.polygrok.api.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An ordered list of child modules named "0", "1", ..., as torch's nn.ModuleList, so that
 * parameter names read {@code blocks.0.…}, {@code layers.1.…}.
 */
public final class ModuleList<M extends Module> extends Module {
    private final List<M> modules = new ArrayList<>();

    /** {@code count} modules made by {@code factory} from their index. */
    public ModuleList(int count, IntFunction<M> factory) {
        for (int i = 0; i < count; i++) {
            modules.add(child(Integer.toString(i), factory.apply(i)));
        }
    }

    public List<M> modules() {
        return Collections.unmodifiableList(modules);
    }

    public M get(int index) {
        return modules.get(index);
    }

    public int size() {
        return modules.size();
    }
}
