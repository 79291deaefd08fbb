package org.polygrok.nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Shapes;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Parameter;

/**
 * {@link Ops} that trace into one SameDiff graph. Shapes are tracked here, at trace time, so every
 * node's shape is known and bad arguments fail with a clear message before the graph runs.
 *
 * <p>Work-arounds for SameDiff 1.0.0-M2.1: {@link #gather} is a one-hot matrix product (Gather's
 * gradient is broken), {@link #logSoftmax} uses the axis-less op (the axis form throws).
 */
public final class Nd4jOps implements Ops {
    private final SameDiff sd;
    private final Map<Parameter, SDVariable> parameters;

    /** @param parameters the graph variable of every parameter the traced code may read */
    public Nd4jOps(SameDiff sd, Map<Parameter, SDVariable> parameters) {
        this.sd = sd;
        this.parameters = parameters;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    /** Wraps a variable of this graph, whose shape and dtype the caller knows. */
    public Nd4jTensor wrap(SDVariable variable, long[] shape, DType dtype) {
        return new Nd4jTensor(variable, shape, dtype);
    }

    // ---------------------------------------------------------------- values

    @Override
    public Tensor constant(HostArray value) {
        Float scalar = value.dtype() == DType.FLOAT32 && value.size() == 1 ? value.floats()[0] : null;
        return new Nd4jTensor(sd.constant(Nd4jArrays.toNd4j(value)), value.shape(), value.dtype(), scalar);
    }

    @Override
    public Tensor param(Parameter parameter) {
        SDVariable v = parameters.get(parameter);
        if (v == null) {
            throw new IllegalArgumentException("parameter " + parameter + " does not belong to this graph");
        }
        return wrap(v, parameter.shape(), DType.FLOAT32);
    }

    // ---------------------------------------------------------------- element-wise

    // A constant scalar operand becomes a scalar op (no gradient is computed for the constant, and
    // the backward pass needs no reduction); the values are the same float operations.

    @Override
    public Tensor add(Tensor a, Tensor b) {
        long[] shape = broadcastShape(a, b, "add");
        if (scalarOperand(b, a, shape)) {
            return wrap(v(a).add(value(b)), shape, a.dtype());
        }
        if (scalarOperand(a, b, shape)) {
            return wrap(v(b).add(value(a)), shape, b.dtype());
        }
        return wrap(v(a).add(v(b)), shape, a.dtype());
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        long[] shape = broadcastShape(a, b, "sub");
        if (scalarOperand(b, a, shape)) {
            return wrap(v(a).sub(value(b)), shape, a.dtype());
        }
        if (scalarOperand(a, b, shape)) {
            return wrap(v(b).rsub(value(a)), shape, b.dtype());
        }
        return wrap(v(a).sub(v(b)), shape, a.dtype());
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        long[] shape = broadcastShape(a, b, "mul");
        if (scalarOperand(b, a, shape)) {
            return wrap(v(a).mul(value(b)), shape, a.dtype());
        }
        if (scalarOperand(a, b, shape)) {
            return wrap(v(b).mul(value(a)), shape, b.dtype());
        }
        // M2.1's multiply backward is ~5x slower with broadcasting than without: broadcast first
        // (x + 0 is exact), so the product's backward sees equal shapes
        return wrap(expanded(a, b, shape).mul(expanded(b, a, shape)), shape, a.dtype());
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        long[] shape = broadcastShape(a, b, "div");
        if (scalarOperand(b, a, shape)) {
            return wrap(v(a).div(value(b)), shape, a.dtype());
        }
        if (scalarOperand(a, b, shape)) {
            return wrap(v(b).rdiv(value(a)), shape, b.dtype());
        }
        return wrap(v(a).div(v(b)), shape, a.dtype());
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        // SameDiff's min sends the gradient to both inputs on ties, and Where has no gradient:
        // a·m + b·(1 − m) with the constant mask m = (a <= b) is exact for finite inputs
        long[] shape = broadcastShape(a, b, "minimum");
        SDVariable aFirst = constantOf(sd.castTo(sd.lte(v(a), v(b)), DataType.FLOAT));
        SDVariable bFirst = sd.math.neg(aFirst).add(1.0);
        return wrap(v(a).mul(aFirst).add(v(b).mul(bFirst)), shape, DType.FLOAT32);
    }

    @Override
    public Tensor neg(Tensor x) {
        return unary(x, sd.math.neg(v(x)));
    }

    @Override
    public Tensor exp(Tensor x) {
        return unary(x, sd.math.exp(v(x)));
    }

    @Override
    public Tensor log(Tensor x) {
        return unary(x, sd.math.log(v(x)));
    }

    @Override
    public Tensor sqrt(Tensor x) {
        return unary(x, sd.math.sqrt(v(x)));
    }

    @Override
    public Tensor tanh(Tensor x) {
        return unary(x, sd.math.tanh(v(x)));
    }

    @Override
    public Tensor sigmoid(Tensor x) {
        return unary(x, sd.nn.sigmoid(v(x)));
    }

    @Override
    public Tensor erf(Tensor x) {
        return unary(x, sd.math.erf(v(x)));
    }

    // ---------------------------------------------------------------- linear algebra

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        long[] sa = t(a).shapeRef();
        long[] sb = t(b).shapeRef();
        int r = sa.length;
        if (r < 2 || sb.length != r || sa[r - 1] != sb[r - 2]
                || !Arrays.equals(Arrays.copyOf(sa, r - 2), Arrays.copyOf(sb, r - 2))) {
            throw new IllegalArgumentException("matmul needs (..., m, k) x (..., k, n) with equal leading dims, got "
                    + Arrays.toString(sa) + " x " + Arrays.toString(sb));
        }
        long[] out = sa.clone();
        out[r - 1] = sb[r - 1];
        return wrap(sd.mmul(v(a), v(b)), out, DType.FLOAT32);
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] sx = t(x).shapeRef();
        long[] sw = t(weight).shapeRef();
        if (sx.length < 1 || sw.length != 2 || sx[sx.length - 1] != sw[1]) {
            throw new IllegalArgumentException("linear needs x (..., in) and weight (out, in), got "
                    + Arrays.toString(sx) + " and " + Arrays.toString(sw));
        }
        if (bias != null && !Arrays.equals(t(bias).shapeRef(), new long[] {sw[0]})) {
            throw new IllegalArgumentException("linear bias must have shape (" + sw[0] + "), got "
                    + Arrays.toString(t(bias).shapeRef()));
        }
        long in = sw[1];
        long outFeatures = sw[0];
        long rows = Shapes.size(sx) / Math.max(in, 1);
        SDVariable flat = sx.length == 2 ? v(x) : sd.reshape(v(x), rows, in);   // (..., in) -> (N, in)
        // an explicit transpose: M2.1's matmul backward with a transpose flag costs ~1.6x the CPU
        SDVariable weightT = sd.permute(v(weight), 1, 0);                        // (out, in) -> (in, out)
        SDVariable y = sd.mmul(flat, weightT);                                   // (N, in) x (in, out) -> (N, out)
        if (bias != null) {
            y = y.add(v(bias));
        }
        long[] outShape = sx.clone();
        outShape[outShape.length - 1] = outFeatures;
        if (sx.length != 2) {
            y = sd.reshape(y, outShape);                                       // (N, out) -> (..., out)
        }
        return wrap(y, outShape, DType.FLOAT32);
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        long[] out = Shapes.resolveReshape(Shapes.size(t(x).shapeRef()), shape);
        return wrap(sd.reshape(v(x), out), out, x.dtype());
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        long[] in = t(x).shapeRef();
        if (axes.length != in.length) {
            throw new IllegalArgumentException("transpose of a rank-" + in.length + " tensor needs " + in.length
                    + " axes, got " + Arrays.toString(axes));
        }
        int[] perm = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        long[] out = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            perm[i] = Shapes.axis(axes[i], in.length);
            if (seen[perm[i]]) {
                throw new IllegalArgumentException("transpose axes " + Arrays.toString(axes) + " repeat an axis");
            }
            seen[perm[i]] = true;
            out[i] = in[perm[i]];
        }
        return wrap(sd.permute(v(x), perm), out, x.dtype());
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        long[] first = t(xs.get(0)).shapeRef();
        int ax = Shapes.axis(axis, first.length);
        long[] out = first.clone();
        out[ax] = 0;
        for (Tensor x : xs) {
            long[] s = t(x).shapeRef();
            if (s.length != first.length || !sameExcept(s, first, ax)) {
                throw new IllegalArgumentException("concat along axis " + axis + " needs equal other dims, got "
                        + Arrays.toString(first) + " and " + Arrays.toString(s));
            }
            out[ax] += s[ax];
        }
        if (xs.size() == 1) {
            return xs.get(0);
        }
        return wrap(sd.concat(ax, vars(xs)), out, xs.get(0).dtype());
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("stack needs at least one tensor");
        }
        long[] first = t(xs.get(0)).shapeRef();
        for (Tensor x : xs) {
            if (!Arrays.equals(t(x).shapeRef(), first)) {
                throw new IllegalArgumentException("stack needs equal shapes, got " + Arrays.toString(first)
                        + " and " + Arrays.toString(t(x).shapeRef()));
            }
        }
        int ax = Shapes.axis(axis, first.length + 1);
        long[] out = new long[first.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == ax ? xs.size() : first[j++];
        }
        return wrap(sd.stack(ax, vars(xs)), out, xs.get(0).dtype());
    }

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        long[] in = t(x).shapeRef();
        int ax = Shapes.axis(axis, in.length);
        if (start < 0 || end > in[ax] || start > end) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is outside axis " + axis
                    + " of length " + in[ax]);
        }
        int[] begin = new int[in.length];
        int[] size = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            begin[i] = i == ax ? (int) start : 0;
            size[i] = i == ax ? (int) (end - start) : (int) in[i];
        }
        long[] out = in.clone();
        out[ax] = end - start;
        return wrap(sd.slice(v(x), begin, size), out, x.dtype());
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis(axis, x.rank());
        return wrap(sd.sum(v(x), keepDims, ax), reduced(x, ax, keepDims), x.dtype());
    }

    @Override
    public Tensor mean(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis(axis, x.rank());
        return wrap(sd.mean(v(x), keepDims, ax), reduced(x, ax, keepDims), x.dtype());
    }

    @Override
    public Tensor max(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis(axis, x.rank());
        return wrap(sd.max(v(x), keepDims, ax), reduced(x, ax, keepDims), x.dtype());
    }

    @Override
    public Tensor sumAll(Tensor x) {
        SDVariable flat = sd.reshape(v(x), Shapes.size(t(x).shapeRef())); // (...) -> (n)
        return wrap(sd.sum(flat, false, 0), new long[0], x.dtype());
    }

    // ---------------------------------------------------------------- neural-network ops

    @Override
    public Tensor softmax(Tensor x) {
        requireRank(x, 1, "softmax");
        return unary(x, sd.nn.softmax(v(x), x.rank() - 1));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        requireRank(x, 1, "logSoftmax");
        // M2.1: logSoftmax(x, axis) throws, the axis-less op and LogSumExp overflow on large logits
        // (and LogSumExp's gradient is wrong): (x − c) − log Σ exp(x − c), c = max(x) held constant
        int last = x.rank() - 1;
        SDVariable shifted = v(x).sub(constantOf(sd.max(v(x), true, last)));   // (..., V) − (..., 1)
        SDVariable logSum = sd.math.log(sd.sum(sd.math.exp(shifted), true, last)); // (..., 1)
        return unary(x, shifted.sub(logSum));
    }

    @Override
    public Tensor gather(Tensor table, Tensor ids) {
        long[] st = t(table).shapeRef();
        if (st.length != 2 || ids.dtype() != DType.INT32) {
            throw new IllegalArgumentException("gather needs a (V, d) table and INT32 ids, got "
                    + Arrays.toString(st) + " and " + ids.dtype());
        }
        // M2.1: Gather's gradient is broken; one-hot x table is exact and differentiable
        long[] idShape = t(ids).shapeRef();
        long n = Shapes.size(idShape);
        SDVariable hot = sd.reshape(v(oneHot(ids, (int) st[0])), n, st[0]); // (..., V) -> (N, V)
        SDVariable rows = sd.mmul(hot, v(table));                           // (N, V) x (V, d) -> (N, d)
        long[] out = Arrays.copyOf(idShape, idShape.length + 1);
        out[idShape.length] = st[1];
        return wrap(sd.reshape(rows, out), out, DType.FLOAT32);             // (N, d) -> (..., d)
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        if (ids.dtype() != DType.INT32 || depth < 1) {
            throw new IllegalArgumentException("oneHot needs INT32 ids and a positive depth, got " + ids.dtype()
                    + " and " + depth);
        }
        long[] idShape = t(ids).shapeRef();
        long[] out = Arrays.copyOf(idShape, idShape.length + 1);
        out[idShape.length] = depth;
        return wrap(sd.oneHot(v(ids), depth, -1, 1.0, 0.0, DataType.FLOAT), out, DType.FLOAT32);
    }

    @Override
    public Tensor argMax(Tensor x) {
        requireRank(x, 1, "argMax");
        long[] in = t(x).shapeRef();
        SDVariable index = sd.castTo(sd.argmax(v(x), false, in.length - 1), DataType.INT);
        return wrap(index, Arrays.copyOf(in, in.length - 1), DType.INT32);
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("equal needs inputs of one dtype, got " + a.dtype() + " and " + b.dtype());
        }
        long[] shape = broadcastShape(a, b, "equal");
        return wrap(sd.castTo(sd.eq(v(a), v(b)), DataType.FLOAT), shape, DType.FLOAT32);
    }

    // ---------------------------------------------------------------- helpers

    /** The same values with no gradient flowing back (SameDiff differentiates comparisons otherwise). */
    private SDVariable constantOf(SDVariable x) {
        return new StopGradient(sd, x).outputVariable();
    }

    private static Nd4jTensor t(Tensor x) {
        if (x instanceof Nd4jTensor n) {
            return n;
        }
        throw new IllegalArgumentException("expected a tensor of the nd4j backend, got " + x);
    }

    private static SDVariable v(Tensor x) {
        return t(x).variable();
    }

    private static SDVariable[] vars(List<Tensor> xs) {
        return xs.stream().map(Nd4jOps::v).toArray(SDVariable[]::new);
    }

    private Tensor unary(Tensor x, SDVariable result) {
        return wrap(result, t(x).shapeRef(), x.dtype());
    }

    /** Whether {@code scalar} is a FLOAT32 constant scalar that leaves {@code other}'s shape unchanged. */
    private static boolean scalarOperand(Tensor scalar, Tensor other, long[] resultShape) {
        return t(scalar).constantValue() != null && other.dtype() == DType.FLOAT32
                && Arrays.equals(t(other).shapeRef(), resultShape);
    }

    private static double value(Tensor scalar) {
        return t(scalar).constantValue();
    }

    /** {@code x} broadcast to {@code shape}, using {@code other} as the template when it has that shape. */
    private SDVariable expanded(Tensor x, Tensor other, long[] shape) {
        if (Arrays.equals(t(x).shapeRef(), shape)) {
            return v(x);
        }
        SDVariable zeros = Arrays.equals(t(other).shapeRef(), shape) ? sd.zerosLike(v(other))
                : sd.constant(Nd4j.zeros(Nd4jArrays.dataType(x.dtype()), shape));
        return v(x).add(zeros);
    }

    private static long[] broadcastShape(Tensor a, Tensor b, String op) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + " needs operands of one dtype, got " + a.dtype() + " and " + b.dtype());
        }
        try {
            return Shapes.broadcast(t(a).shapeRef(), t(b).shapeRef());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }

    private static long[] reduced(Tensor x, int axis, boolean keepDims) {
        long[] in = t(x).shapeRef();
        if (keepDims) {
            long[] out = in.clone();
            out[axis] = 1;
            return out;
        }
        long[] out = new long[in.length - 1];
        for (int i = 0, j = 0; i < in.length; i++) {
            if (i != axis) {
                out[j++] = in[i];
            }
        }
        return out;
    }

    private static boolean sameExcept(long[] a, long[] b, int axis) {
        for (int i = 0; i < a.length; i++) {
            if (i != axis && a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static void requireRank(Tensor x, int min, String op) {
        if (x.rank() < min) {
            throw new IllegalArgumentException(op + " needs a tensor of rank >= " + min + ", got a scalar");
        }
    }
}
