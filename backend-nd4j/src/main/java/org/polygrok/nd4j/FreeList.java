package org.polygrok.nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Released intermediate arrays of a {@link GraphPlan}, reusable by later ops of the same run; and the
 * memory-overlap test the plan uses before writing into a caller's array. An output takes a released
 * array of its own shape if there is one, else the smallest released row-major array of its type that
 * is large enough, at most {@link #MAX_WASTE} times its size, as a view of that array's first elements.
 * Reusing by shape alone left much of the GPT's plan memory idle: at B = 480 its training plan owned
 * 167 MB with at most 118 MB of the arrays it reuses in use at once, an evaluation plan 58 MB with at
 * most 19 MB. Reused by size they own 153 and 32 MB, and {@code polygrok bench}'s peak RSS went, MB
 * (× torch's in the same run): GPT B = 480 476-509 (1.29-1.39) -> 435-440 (1.18-1.19), B = 32
 * 354-372 -> 302-304 (1.06); LSTM B = 480 373-383 -> 361-364 (1.17-1.18).
 */
final class FreeList {
    /** The largest ratio of a reused array's size to the size an output needs. */
    static final long MAX_WASTE = 4;

    /** The arrays of the plans sharing this pool, released when it closes. */
    private final List<INDArray> owned = new ArrayList<>();
    /** Released arrays by type and length (each the whole of its buffer). */
    private final Map<DataType, TreeMap<Long, ArrayDeque<INDArray>>> byLength = new HashMap<>();
    /** The released array under each view handed out, to take back when the view is released. */
    private final Map<INDArray, INDArray> baseOfView = new IdentityHashMap<>();

    /**
     * A pool for the plans of one training session ({@link GraphPlan#GraphPlan(org.nd4j.autodiff.samediff.SameDiff,
     * Map, List, Map, FreeList)}): the evaluation plans compute in the arrays the training plan holds
     * nothing in between its runs.
     */
    static FreeList shared() {
        return new FreeList();
    }

    /** Takes over these arrays: they live until {@link #close()}. */
    void adopt(List<INDArray> arrays) {
        owned.addAll(arrays);
    }

    /** Releases every adopted array; the plans that computed in them must not run again. */
    void close() {
        owned.forEach(Nd4jArrays::release);
        owned.clear();
        byLength.clear();
        baseOfView.clear();
    }

    void put(INDArray a) {
        if (a == null || a.isEmpty()) {
            return;
        }
        INDArray base = baseOfView.remove(a);
        INDArray released = base != null ? base : a;
        if (released.isView()) {
            return;
        }
        byLength.computeIfAbsent(released.dataType(), t -> new TreeMap<>())
                .computeIfAbsent(released.length(), n -> new ArrayDeque<>()).push(released);
    }

    INDArray take(LongShapeDescriptor d) {
        TreeMap<Long, ArrayDeque<INDArray>> sizes = byLength.get(d.dataType());
        if (d.isEmpty() || sizes == null) {
            return null;
        }
        long needed = elements(d);
        INDArray exact = takeShaped(sizes.get(needed), d);
        if (exact != null) {
            return exact;
        }
        if (d.getOrder() != 'c') {
            return null;
        }
        for (Map.Entry<Long, ArrayDeque<INDArray>> e : sizes.tailMap(needed, true).entrySet()) {
            if (e.getKey() > MAX_WASTE * needed) {
                return null;
            }
            for (Iterator<INDArray> it = e.getValue().iterator(); it.hasNext();) {
                INDArray base = it.next();
                INDArray view = base.ordering() == 'c' ? leadingView(base, d) : null;
                if (view != null) {
                    it.remove();
                    baseOfView.put(view, base);
                    return view;
                }
            }
        }
        return null;
    }

    private static long elements(LongShapeDescriptor d) {
        long n = 1;
        for (long size : d.getShape()) {
            n *= size;
        }
        return n;
    }

    /** A released array of exactly the shape and order asked for, taken off {@code list}. */
    private static INDArray takeShaped(ArrayDeque<INDArray> list, LongShapeDescriptor d) {
        if (list == null) {
            return null;
        }
        for (Iterator<INDArray> it = list.iterator(); it.hasNext();) {
            INDArray a = it.next();
            if (a.ordering() == d.getOrder() && Arrays.equals(a.shape(), d.getShape())) {
                it.remove();
                return a;
            }
        }
        return null;
    }

    /** The first d.length() elements of {@code base} as a dense row-major view of d's shape, or null if ND4J would copy. */
    private static INDArray leadingView(INDArray base, LongShapeDescriptor d) {
        INDArray flat = base.reshape('c', new long[] {base.length()});                    // (...) -> (n_base)
        long n = elements(d);
        INDArray leading = flat.length() == n ? flat : flat.get(NDArrayIndex.interval(0, n));   // -> (n)
        INDArray view = leading.reshape('c', d.getShape());                               // (n) -> d's shape
        boolean sameMemory = view.data().address() == base.data().address() && view.offset() == base.offset()
                && Shape.hasDefaultStridesForShape(view);
        return sameMemory ? view : null;
    }

    /** Whether two arrays may touch the same memory. */
    static boolean overlap(INDArray a, INDArray b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        long[] x = span(a);
        long[] y = span(b);
        return x[0] < y[1] && y[0] < x[1];
    }

    /** The bytes [from, to) an array may touch (views of one buffer report its base address). */
    private static long[] span(INDArray a) {
        long elements = 1;
        for (int i = 0; i < a.rank(); i++) {
            elements += (a.size(i) - 1) * Math.abs(a.stride(i));
        }
        long width = a.dataType().width();
        long from = a.data().address() + a.offset() * width;
        return new long[] {from, from + elements * width};
    }
}
