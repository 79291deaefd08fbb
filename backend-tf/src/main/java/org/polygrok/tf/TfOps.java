package org.polygrok.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.OpShapes;
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
            throw OpShapes.unknownParameter(parameter);
        }
        return wrap(value);
    }

    // ---------------------------------------------------------------- element-wise

    @Override
    public Tensor add(Tensor a, Tensor b) {
        OpShapes.binary("add", a, b);
        return wrap(tf.math.add(any(a), any(b)));
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        OpShapes.binary("sub", a, b);
        return wrap(tf.math.sub(any(a), any(b)));
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        OpShapes.binary("mul", a, b);
        return wrap(tf.math.mul(any(a), any(b)));
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        OpShapes.binary("div", a, b);
        return wrap(tf.math.div(f(a), f(b)));
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        OpShapes.binary("minimum", a, b);
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
        if (OpShapes.matmul(a, b).length == 2) {
            return wrap(tf.linalg.matMul(f(a), f(b)));
        }
        return wrap(tf.train.batchMatMul(f(a), f(b), TFloat32.class));
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] outShape = OpShapes.linear(x, weight, bias); // (..., out)
        long[] sx = x.shape();
        long[] sw = weight.shape();
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
        return wrap(tf.reshape(y, tf.constant(ints(outShape)))); // (N, out) -> (..., out)
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        return wrap(tf.reshape(any(x), tf.constant(ints(OpShapes.reshape(x, shape)))));
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        return wrap(tf.linalg.transpose(any(x), tf.constant(OpShapes.permutation(x, axes))));
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        OpShapes.concat(xs, axis);
        return wrap(tf.concat(operands(xs), tf.constant(OpShapes.concatAxis(xs, axis))));
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        OpShapes.stack(xs, axis);
        return wrap(tf.stack(operands(xs), Stack.axis((long) OpShapes.stackAxis(xs, axis))));
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

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        long[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length);
        OpShapes.slice(x, axis, start, end);
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
        OpShapes.lastAxis("softmax", x);
        return wrap(tf.nn.softmax(f(x)));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        OpShapes.lastAxis("logSoftmax", x);
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
        OpShapes.gather(table, ids);
        return wrap(tf.gather(f(table), t(ids).ints(), tf.constant(0))); // GatherV2 on axis 0: (...) -> (..., d)
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        OpShapes.oneHot(ids, depth);
        return wrap(tf.oneHot(t(ids).ints(), tf.constant(depth), tf.constant(1f), tf.constant(0f)));
    }

    @Override
    public Tensor argMax(Tensor x) {
        OpShapes.argMax(x);
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
        OpShapes.binary("equal", a, b);
        return wrap(tf.dtypes.cast(tf.math.equal(any(a), any(b)), TFloat32.class));
    }
}
