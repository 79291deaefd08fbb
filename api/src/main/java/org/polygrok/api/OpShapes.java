package org.polygrok.api;

import java.util.Arrays;
import java.util.List;
import org.polygrok.api.nn.Parameter;

/**
 * The argument rules of {@link Ops}, written once for every backend (as Keras keeps its
 * {@code operation_utils} beside {@code keras.ops}): each method checks one op's arguments and
 * returns its result shape, or throws an {@link IllegalArgumentException} whose message is one
 * sentence naming the op and the shapes it got. A backend calls these before it asks its engine,
 * so a wrong call fails the same way, at the call, on every engine (a traced graph would otherwise
 * fail only when it runs). Shapes are never modified in place: every returned array is new.
 */
public final class OpShapes {
    private OpShapes() {
    }

    // ---------------------------------------------------------------- element-wise

    /** Operands of one dtype whose shapes broadcast (numpy); the broadcast shape. */
    public static long[] binary(String op, Tensor a, Tensor b) {
        return binary(op, a.dtype(), a.shape(), b.dtype(), b.shape());
    }

    /** {@link #binary(String, Tensor, Tensor)} on shapes a backend already holds. */
    public static long[] binary(String op, DType ta, long[] a, DType tb, long[] b) {
        if (ta != tb) {
            throw new IllegalArgumentException(op + " needs operands of one dtype, got " + ta + " and " + tb);
        }
        try {
            return Shapes.broadcast(a, b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- linear algebra

    /** (..., m, k) x (..., k, n) with equal leading dims -> (..., m, n). */
    public static long[] matmul(Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        int r = sa.length;
        if (r < 2 || sb.length != r || sa[r - 1] != sb[r - 2]
                || !Arrays.equals(Arrays.copyOf(sa, r - 2), Arrays.copyOf(sb, r - 2))) {
            throw new IllegalArgumentException("matmul needs (..., m, k) x (..., k, n) with equal leading dims, got "
                    + Arrays.toString(sa) + " x " + Arrays.toString(sb));
        }
        long[] out = sa.clone();
        out[r - 1] = sb[r - 1];
        return out;
    }

    /** x (..., in), weight (out, in), bias (out) or null -> (..., out). */
    public static long[] linear(Tensor x, Tensor weight, Tensor bias) {
        long[] sx = x.shape();
        long[] sw = weight.shape();
        if (sx.length < 1 || sw.length != 2 || sx[sx.length - 1] != sw[1]
                || bias != null && !Arrays.equals(bias.shape(), new long[] {sw[0]})) {
            throw new IllegalArgumentException("linear needs x (..., in), weight (out, in), bias (out), got "
                    + Arrays.toString(sx) + ", " + Arrays.toString(sw)
                    + (bias == null ? "" : ", " + Arrays.toString(bias.shape())));
        }
        long[] out = sx.clone();
        out[out.length - 1] = sw[0];
        return out;
    }

    // ---------------------------------------------------------------- shape

    /** The target shape with its -1 resolved; the element count must not change. */
    public static long[] reshape(Tensor x, long... shape) {
        return Shapes.resolveReshape(Shapes.size(x.shape()), shape);
    }

    /** The permutation with negative axes resolved: one entry per axis of {@code x}, each axis once. */
    public static int[] permutation(Tensor x, int... axes) {
        int rank = x.rank();
        if (axes.length != rank) {
            throw new IllegalArgumentException("transpose of a rank-" + rank + " tensor needs " + rank
                    + " axes, got " + Arrays.toString(axes));
        }
        int[] perm = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = Shapes.axis(axes[i], rank);
            if (seen[perm[i]]) {
                throw new IllegalArgumentException("transpose axes " + Arrays.toString(axes) + " repeat axis "
                        + perm[i]);
            }
            seen[perm[i]] = true;
        }
        return perm;
    }

    /** The shape of {@code x} with its axes permuted by {@link #permutation}. */
    public static long[] transposed(Tensor x, int[] perm) {
        long[] in = x.shape();
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = in[perm[i]];
        }
        return out;
    }

    /** The axis of a concatenation, resolved against the first tensor's rank. */
    public static int concatAxis(List<Tensor> xs, int axis) {
        nonEmpty("concat", xs);
        return Shapes.axis(axis, xs.get(0).rank());
    }

    /** One dtype, equal shapes but along {@code axis} (resolved), whose lengths add up. */
    public static long[] concat(List<Tensor> xs, int axis) {
        int a = concatAxis(xs, axis);
        Tensor first = xs.get(0);
        long[] out = first.shape().clone(); // a backend's shape() may hand out its own array
        out[a] = 0;
        for (Tensor x : xs) {
            long[] s = x.shape();
            boolean fits = x.dtype() == first.dtype() && s.length == out.length;
            for (int i = 0; fits && i < s.length; i++) {
                fits = i == a || s[i] == out[i];
            }
            if (!fits) {
                throw new IllegalArgumentException("concat along axis " + a + " needs one dtype and equal other dims, got "
                        + describe(first) + " and " + describe(x));
            }
            out[a] += s[a];
        }
        return out;
    }

    /** The new axis of a stack, resolved against the result's rank. */
    public static int stackAxis(List<Tensor> xs, int axis) {
        nonEmpty("stack", xs);
        return Shapes.axis(axis, xs.get(0).rank() + 1);
    }

    /** Tensors of one dtype and one shape, stacked along a new axis {@code axis} of the result. */
    public static long[] stack(List<Tensor> xs, int axis) {
        int a = stackAxis(xs, axis);
        Tensor first = xs.get(0);
        long[] shape = first.shape();
        for (Tensor x : xs) {
            if (x.dtype() != first.dtype() || !Arrays.equals(x.shape(), shape)) {
                throw new IllegalArgumentException("stack needs one dtype and equal shapes, got " + describe(first)
                        + " and " + describe(x));
            }
        }
        long[] out = new long[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == a ? xs.size() : shape[j++];
        }
        return out;
    }

    /** Elements [start, end) of one axis (resolved by {@link Shapes#axis}); the axis is kept. */
    public static long[] slice(Tensor x, int axis, long start, long end) {
        long[] out = x.shape().clone();
        int a = Shapes.axis(axis, out.length);
        if (start < 0 || end < start || end > out[a]) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is outside axis " + a
                    + " of length " + out[a]);
        }
        out[a] = end - start;
        return out;
    }

    // ---------------------------------------------------------------- reductions

    /** The shape after reducing one axis (negative counts from the end). */
    public static long[] reduced(Tensor x, int axis, boolean keepDims) {
        long[] in = x.shape();
        int a = Shapes.axis(axis, in.length);
        if (keepDims) {
            long[] out = in.clone();
            out[a] = 1;
            return out;
        }
        long[] out = new long[in.length - 1];
        for (int i = 0, j = 0; i < in.length; i++) {
            if (i != a) {
                out[j++] = in[i];
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- neural-network ops

    /** An op over the last axis (softmax, logSoftmax, argMax) needs a tensor of rank >= 1. */
    public static void lastAxis(String op, Tensor x) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException(op + " works over the last axis and needs a tensor of rank >= 1, got a scalar");
        }
    }

    /** x (..., n) -> (...): argMax's INT32 result shape. */
    public static long[] argMax(Tensor x) {
        lastAxis("argMax", x);
        long[] in = x.shape();
        return Arrays.copyOf(in, in.length - 1);
    }

    /** A (V, d) table and INT32 ids (...) -> (..., d). */
    public static long[] gather(Tensor table, Tensor ids) {
        if (table.rank() != 2 || ids.dtype() != DType.INT32) {
            throw new IllegalArgumentException("gather needs a (V, d) table and INT32 ids, got "
                    + Arrays.toString(table.shape()) + " and " + describe(ids));
        }
        return appended(ids.shape(), table.shape()[1]);
    }

    /** A (V, d) table, INT32 ids (...) and a padding id in [0, V) -> (..., d). */
    public static long[] embedding(Tensor table, Tensor ids, int paddingId) {
        long[] out = gather(table, ids);
        if (paddingId < 0 || paddingId >= table.shape()[0]) {
            throw new IllegalArgumentException("the padding id " + paddingId + " is not a row of the "
                    + Arrays.toString(table.shape()) + " table");
        }
        return out;
    }

    /** INT32 ids (...) and a positive depth -> (..., depth). */
    public static long[] oneHot(Tensor ids, int depth) {
        if (ids.dtype() != DType.INT32 || depth < 1) {
            throw new IllegalArgumentException("oneHot needs INT32 ids and a positive depth, got " + describe(ids)
                    + " and depth " + depth);
        }
        return appended(ids.shape(), depth);
    }

    /** x (..., d) with weight and bias (d); the shape of x. */
    public static long[] layerNorm(Tensor x, Tensor weight, Tensor bias) {
        lastAxis("layerNorm", x);
        long[] shape = x.shape();
        long dim = shape[shape.length - 1];
        long[] width = {dim};
        if (!Arrays.equals(weight.shape(), width) || !Arrays.equals(bias.shape(), width)) {
            throw new IllegalArgumentException("layerNorm over width " + dim + " needs weight and bias (" + dim
                    + "), got " + Arrays.toString(weight.shape()) + " and " + Arrays.toString(bias.shape()));
        }
        return shape.clone();
    }

    /** x (B, S, d_in) for gates over inputs of width d_in -> (B, S, d_h). */
    public static long[] lstmLayer(Tensor x, LstmGates gates) {
        long[] shape = x.shape();
        if (shape.length != 3 || shape[2] != gates.inputSize()) {
            throw new IllegalArgumentException("an LSTM layer over inputs of width " + gates.inputSize()
                    + " needs x (B, S, " + gates.inputSize() + "), got " + Arrays.toString(shape));
        }
        return new long[] {shape[0], shape[1], gates.hiddenSize()};
    }

    // ---------------------------------------------------------------- what a backend may be handed

    /** A function given to {@code Backend.valueAndGradients} must return one FLOAT32 value. */
    public static void scalarResult(Tensor value) {
        if (Shapes.size(value.shape()) != 1 || value.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("valueAndGradients needs a FLOAT32 scalar result, got "
                    + describe(value));
        }
    }

    /** The error for {@code Ops.param} of a parameter the ops have no value for. */
    public static IllegalArgumentException unknownParameter(Parameter parameter) {
        return new IllegalArgumentException("parameter " + parameter + " is not part of the model these ops run");
    }

    /** The error for a tensor that another backend (or no backend) made. */
    public static IllegalArgumentException foreignTensor(String backend, Object tensor) {
        return new IllegalArgumentException("the " + backend + " backend got a tensor it did not make: "
                + (tensor == null ? "null" : tensor.getClass().getSimpleName() + " " + tensor));
    }

    private static void nonEmpty(String op, List<Tensor> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException(op + " needs at least one tensor");
        }
    }

    private static long[] appended(long[] shape, long last) {
        long[] out = Arrays.copyOf(shape, shape.length + 1);
        out[shape.length] = last;
        return out;
    }

    private static String describe(Tensor t) {
        return t.dtype() + " " + Arrays.toString(t.shape());
    }
}
