package org.polygrok.api.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the model tree, as torch's nn.Module: parameters and child modules registered in
 * order, so that {@link #namedParameters()} yields the reference's state_dict names
 * ({@code decoder.blocks.0.self_attn.W_Q.weight}) in a stable order.
 */
public abstract class Module {
    private final List<Object> entries = new ArrayList<>(); // Parameter or Child, in registration order

    private record Child(String name, Module module) {
    }

    protected final Parameter parameter(String name, long[] shape, Initializer init) {
        Parameter p = new Parameter(name, shape, init);
        entries.add(p);
        return p;
    }

    protected final <M extends Module> M child(String name, M module) {
        entries.add(new Child(name, module));
        return module;
    }

    /** Every parameter under its dotted path, own parameters and children in registration order. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        for (Object e : entries) {
            if (e instanceof Parameter p) {
                out.put(prefix + p.localName(), p);
            } else {
                Child c = (Child) e;
                c.module().collect(prefix + c.name() + ".", out);
            }
        }
    }

    public final List<Parameter> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** Number of scalar parameters. */
    public final long parameterCount() {
        return parameters().stream().mapToLong(Parameter::size).sum();
    }
}
