package org.polygrok.tf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Shapes;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * The neutral {@link Ops} as TensorFlow graph operations: every call adds nodes to the graph the
 * wrapped {@code org.tensorflow.op.Ops} is bound to. Parameters are read through the map given at
 * construction (a variable read in a training graph).
 */
final class TfOps implements Ops {
    private final org.tensorflow.op.Ops tf;
    private final Map<Parameter, Operand<TFloat32>> params;

    TfOps(org.tensorflow.op.Ops tf, Map<Parameter, Operand<TFloat32>> params) {
        this.tf = tf;
        this.params = params;
    }

    org.tensorflow.op.Ops tf() {
        return tf;
    }

    private static TfTensor t(Tensor x) {
        return TfTensor.of(x);
    }

    private static TfTensor wrap(Operand<?> operand) {
        return new TfTensor(operand);
    }

    @SuppressWarnings("unchecked")
    private static Operand<TType> any(Tensor x) {
        return (Operand<TType>) t(x).operand();
    }

    private static Operand<TFloat32> f(Tensor x) {
        return t(x).floats();
    }

    // ---------------------------------------------------------------- values

    @Override
    public Tensor constant(HostArray value) {
        Shape shape = Shape.of(value.shape());
        return wrap(value.dtype() == DType.FLOAT32
                ? tf.constant(shape, DataBuffers.of(value.floats(), true, false))
                : tf.constant(shape, DataBuffers.of(value.ints(), true, false)));
    }

    @Override
    public Tensor param(Parameter parameter) {
        Operand<TFloat32> value = params.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException("parameter " + parameter + " is not part of this computation");
        }
        return wrap(value);
    }

    // ---------------------------------------------------------------- element-wise

    /** Checks that two operands share a dtype and broadcast, for a clear message before TensorFlow's. */
    private static void checkBinary(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + " needs operands of one dtype, got " + a.dtype() + " and " + b.dtype());
        }
        Shapes.broadcast(a.shape(), b.shape());
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        checkBinary("add", a, b);
        return wrap(tf.math.add(any(a), any(b)));
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        checkBinary("sub", a, b);
        return wrap(tf.math.sub(any(a), any(b)));
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        checkBinary("mul", a, b);
        return wrap(tf.math.mul(any(a), any(b)));
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        checkBinary("div", a, b);
        return wrap(tf.math.div(f(a), f(b)));
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        checkBinary("minimum", a, b);
        return wrap(tf.math.minimum(f(a), f(b))); // TF's gradient sends ties to a (x <= y)
    }

    @Override
    public Tensor neg(Tensor x) {
        return wrap(tf.math.neg(any(x)));
    }

    @Override
    public Tensor exp(Tensor x) {
        return wrap(tf.math.exp(f(x)));
    }

    @Override
    public Tensor log(Tensor x) {
        return wrap(tf.math.log(f(x)));
    }

    @Override
    public Tensor sqrt(Tensor x) {
        return wrap(tf.math.sqrt(f(x)));
    }

    @Override
    public Tensor tanh(Tensor x) {
        return wrap(tf.math.tanh(f(x)));
    }

    @Override
    public Tensor sigmoid(Tensor x) {
        return wrap(tf.math.sigmoid(f(x)));
    }

    @Override
    public Tensor erf(Tensor x) {
        return wrap(tf.math.erf(f(x)));
    }

    // ---------------------------------------------------------------- linear algebra

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        if (sa.length < 2 || sa.length != sb.length
                || !Arrays.equals(Arrays.copyOf(sa, sa.length - 2), Arrays.copyOf(sb, sb.length - 2))
                || sa[sa.length - 1] != sb[sb.length - 2]) {
            throw new IllegalArgumentException("matmul needs (..., m, k) x (..., k, n) with equal leading dims, got "
                    + Arrays.toString(sa) + " x " + Arrays.toString(sb));
        }
        if (sa.length == 2) {
            return wrap(tf.linalg.matMul(f(a), f(b)));
        }
        return wrap(tf.train.batchMatMul(f(a), f(b), TFloat32.class));
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] sx = x.shape();
        long[] sw = weight.shape();
        if (sx.length < 1 || sw.length != 2 || sx[sx.length - 1] != sw[1]
                || bias != null && !Arrays.equals(bias.shape(), new long[] {sw[0]})) {
            throw new IllegalArgumentException("linear needs x (..., in), weight (out, in), bias (out), got "
                    + Arrays.toString(sx) + ", " + Arrays.toString(sw)
                    + (bias == null ? "" : ", " + Arrays.toString(bias.shape())));
        }
        Operand<TFloat32> rows = sx.length == 2 ? f(x)
                : tf.reshape(f(x), tf.constant(new int[] {-1, Math.toIntExact(sw[1])})); // (..., in) -> (N, in)
        // (N, in) x (out, in)ᵀ -> (N, out)
        Operand<TFloat32> y = tf.linalg.matMul(rows, f(weight), MatMul.transposeB(true));
        if (bias != null) {
            y = tf.nn.biasAdd(y, f(bias));
        }
        if (sx.length == 2) {
            return wrap(y);
        }
        long[] outShape = Arrays.copyOf(sx, sx.length);
        outShape[sx.length - 1] = sw[0];
        return wrap(tf.reshape(y, tf.constant(ints(outShape)))); // (N, out) -> (..., out)
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        long[] target = Shapes.resolveReshape(Shapes.size(x.shape()), shape);
        return wrap(tf.reshape(any(x), tf.constant(ints(target))));
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        int rank = x.rank();
        int[] perm = new int[axes.length];
        boolean[] seen = new boolean[rank];
        if (axes.length != rank) {
            throw new IllegalArgumentException("transpose of a rank-" + rank + " tensor needs " + rank + " axes, got "
                    + Arrays.toString(axes));
        }
        for (int i = 0; i < axes.length; i++) {
            perm[i] = Shapes.axis(axes[i], rank);
            if (seen[perm[i]]) {
                throw new IllegalArgumentException("transpose axes " + Arrays.toString(axes) + " repeat an axis");
            }
            seen[perm[i]] = true;
        }
        return wrap(tf.linalg.transpose(any(x), tf.constant(perm)));
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        checkJoinable("concat", xs, true, axis);
        int a = Shapes.axis(axis, xs.get(0).rank());
        return wrap(tf.concat(operands(xs), tf.constant(a)));
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        checkJoinable("stack", xs, false, 0);
        int a = Shapes.axis(axis, xs.get(0).rank() + 1);
        return wrap(tf.stack(operands(xs), Stack.axis((long) a)));
    }

    private static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.toIntExact(values[i]);
        }
        return out;
    }

    private static List<Operand<TType>> operands(List<Tensor> xs) {
        List<Operand<TType>> out = new ArrayList<>(xs.size());
        for (Tensor x : xs) {
            out.add(any(x));
        }
        return out;
    }

    /** Same dtype and rank; equal shapes except along {@code axis} when {@code exceptAxis}. */
    private static void checkJoinable(String op, List<Tensor> xs, boolean exceptAxis, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException(op + " needs at least one tensor");
        }
        Tensor first = xs.get(0);
        int skip = exceptAxis ? Shapes.axis(axis, first.rank()) : -1;
        for (Tensor x : xs) {
            long[] s = x.shape();
            boolean ok = x.dtype() == first.dtype() && s.length == first.rank();
            for (int i = 0; ok && i < s.length; i++) {
                ok = i == skip || s[i] == first.shape()[i];
            }
            if (!ok) {
                throw new IllegalArgumentException(op + " cannot join " + x.dtype() + " " + Arrays.toString(s)
                        + " with " + first.dtype() + " " + Arrays.toString(first.shape()));
            }
        }
    }

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        long[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length);
        if (start < 0 || end > shape[a] || start > end) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is outside axis " + axis
                    + " of length " + shape[a]);
        }
        int[] begin = new int[shape.length]; // INT32: TF's Slice gradient mixes these with an INT32 Shape
        int[] size = ints(shape);
        begin[a] = Math.toIntExact(start);
        size[a] = Math.toIntExact(end - start);
        return wrap(tf.slice(any(x), tf.constant(begin), tf.constant(size)));
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum(Tensor x, int axis, boolean keepDims) {
        int a = Shapes.axis(axis, x.rank());
        return wrap(tf.sum(any(x), tf.constant(a), Sum.keepDims(keepDims)));
    }

    @Override
    public Tensor mean(Tensor x, int axis, boolean keepDims) {
        int a = Shapes.axis(axis, x.rank());
        return wrap(tf.math.mean(f(x), tf.constant(a), Mean.keepDims(keepDims)));
    }

    @Override
    public Tensor max(Tensor x, int axis, boolean keepDims) {
        int a = Shapes.axis(axis, x.rank());
        return wrap(tf.max(f(x), tf.constant(a), Max.keepDims(keepDims)));
    }

    @Override
    public Tensor sumAll(Tensor x) {
        int[] all = new int[x.rank()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return wrap(tf.sum(any(x), tf.constant(all)));
    }

    // ---------------------------------------------------------------- neural-network ops

    @Override
    public Tensor softmax(Tensor x) {
        requireRank("softmax", x, 1);
        return wrap(tf.nn.softmax(f(x)));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        requireRank("logSoftmax", x, 1);
        if (x.rank() == 2) {
            return wrap(tf.nn.logSoftmax(f(x)));
        }
        // TF's C++ LogSoftmax gradient sums over axis 1, right only for rank 2: compute it on rows.
        long[] shape = x.shape();
        int depth = Math.toIntExact(shape[shape.length - 1]);
        Operand<TFloat32> rows = tf.reshape(f(x), tf.constant(new int[] {-1, depth})); // (..., V) -> (N, V)
        return wrap(tf.reshape(tf.nn.logSoftmax(rows), tf.constant(ints(shape)))); // (N, V) -> (..., V)
    }

    @Override
    public Tensor gather(Tensor table, Tensor ids) {
        if (table.rank() != 2) {
            throw new IllegalArgumentException("gather needs a (V, d) table, got " + Arrays.toString(table.shape()));
        }
        return wrap(tf.gather(f(table), t(ids).ints(), tf.constant(0))); // GatherV2 on axis 0: (...) -> (..., d)
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        if (depth <= 0) {
            throw new IllegalArgumentException("oneHot depth must be positive, got " + depth);
        }
        return wrap(tf.oneHot(t(ids).ints(), tf.constant(depth), tf.constant(1f), tf.constant(0f)));
    }

    @Override
    public Tensor argMax(Tensor x) {
        requireRank("argMax", x, 1);
        long[] shape = x.shape();
        int last = shape.length - 1;
        int depth = Math.toIntExact(shape[last]);
        // The lowest index among the maxima, whatever TF's ArgMax does on ties:
        // candidate = index where x == max, else depth; then the minimum candidate.
        Operand<TFloat32> top = tf.max(f(x), tf.constant(last), Max.keepDims(true)); // (..., 1)
        Operand<TInt32> isTop = tf.dtypes.cast(tf.math.equal(f(x), top), TInt32.class); // (..., depth)
        Operand<TInt32> index = tf.range(tf.constant(0), tf.constant(depth), tf.constant(1)); // (depth)
        Operand<TInt32> candidate = tf.math.sub(tf.constant(depth),
                tf.math.mul(tf.math.sub(tf.constant(depth), index), isTop)); // (..., depth)
        return wrap(tf.min(candidate, tf.constant(last))); // (..., depth) -> (...)
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        checkBinary("equal", a, b);
        return wrap(tf.dtypes.cast(tf.math.equal(any(a), any(b)), TFloat32.class));
    }

    private static void requireRank(String op, Tensor x, int minRank) {
        if (x.rank() < minRank) {
            throw new IllegalArgumentException(op + " needs a tensor of rank >= " + minRank + ", got "
                    + Arrays.toString(x.shape()));
        }
    }
}
