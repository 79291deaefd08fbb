package org.polygrok.api.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.OptimizerState;

/**
 * A model's parameters laid end to end in one flat FLOAT32 vector (N), in
 * {@code namedParameters()} order. Every backend keeps its weights and each optimizer slot as one
 * such vector, so the whole gradient arrives as one vector and the clipping and optimizer update
 * run as a few large operations instead of a few per parameter (valid for element-wise optimizer
 * rules, which every {@link org.polygrok.api.train.OptimizerSpec.Kind} is; the global-norm
 * clipping is over all parameters anyway). This class is the host side: offsets, and the
 * conversions between named arrays and flat vectors; the engine cuts its own vector into views.
 */
public final class FlatLayout {
    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final int[] offsets;
    private final int total;

    public FlatLayout(Map<String, Parameter> namedParameters) {
        offsets = new int[namedParameters.size() + 1];
        long offset = 0;
        int i = 0;
        for (Map.Entry<String, Parameter> e : namedParameters.entrySet()) {
            names.add(e.getKey());
            parameters.add(e.getValue());
            offsets[i++] = Math.toIntExact(offset);
            offset += e.getValue().size();
        }
        if (offset == 0) {
            throw new IllegalArgumentException("the model has no parameters to train");
        }
        total = Math.toIntExact(offset);
        offsets[i] = total;
    }

    /** Number of parameters. */
    public int count() {
        return names.size();
    }

    /** N, the number of scalars of all parameters together. */
    public int total() {
        return total;
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    public String name(int i) {
        return names.get(i);
    }

    public Parameter parameter(int i) {
        return parameters.get(i);
    }

    public long[] shape(int i) {
        return parameters.get(i).shape();
    }

    /** Where parameter i starts in the flat vector. */
    public int offset(int i) {
        return offsets[i];
    }

    /** Number of scalars of parameter i. */
    public int size(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The size of every parameter, in order (the piece lengths of a split). */
    public long[] sizes() {
        long[] out = new long[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = size(i);
        }
        return out;
    }

    /** Named arrays (already checked against the model) end to end: (N). */
    public float[] join(Map<String, HostArray> byName) {
        float[] flat = new float[total];
        for (int i = 0; i < count(); i++) {
            System.arraycopy(byName.get(names.get(i)).floats(), 0, flat, offsets[i], size(i));
        }
        return flat;
    }

    /** A flat (N) vector cut back into named arrays of the parameters' shapes, in layout order. */
    public Map<String, HostArray> split(float[] flat) {
        checkLength(flat);
        Map<String, HostArray> out = new LinkedHashMap<>();
        for (int i = 0; i < count(); i++) {
            out.put(names.get(i), HostArray.of(Arrays.copyOfRange(flat, offsets[i], offsets[i + 1]), shape(i)));
        }
        return out;
    }

    /**
     * An optimizer state (per parameter name, its slots in slot order) as one flat (N) vector per
     * slot: the engine's layout. The state must already have been checked against the model.
     */
    public List<float[]> joinSlots(OptimizerState state, int slotCount) {
        List<float[]> out = new ArrayList<>(slotCount);
        for (int k = 0; k < slotCount; k++) {
            float[] flat = new float[total];
            for (int i = 0; i < count(); i++) {
                System.arraycopy(state.slots().get(names.get(i)).get(k).floats(), 0, flat, offsets[i], size(i));
            }
            out.add(flat);
        }
        return out;
    }

    /** One flat (N) vector per slot back to an optimizer state: per parameter name, its slots in slot order. */
    public OptimizerState state(long step, List<float[]> flatSlots) {
        List<Map<String, HostArray>> bySlot = flatSlots.stream().map(this::split).toList();
        Map<String, List<HostArray>> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, bySlot.stream().map(slot -> slot.get(name)).toList());
        }
        return new OptimizerState(step, out);
    }

    /** Zero-filled flat vectors, one per slot: the state before the first step. */
    public List<float[]> zeroSlots(int slotCount) {
        List<float[]> out = new ArrayList<>(slotCount);
        for (int k = 0; k < slotCount; k++) {
            out.add(new float[total]);
        }
        return out;
    }

    private void checkLength(float[] flat) {
        if (flat.length != total) {
            throw new IllegalStateException("a flat parameter vector has " + flat.length + " values, the layout "
                    + total);
        }
    }
}
