package org.polygrok.nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;
import org.polygrok.api.ComposedOps;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.OpShapes;
import org.polygrok.api.Ops;
import org.polygrok.api.Shapes;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Parameter;

/**
 * {@link Ops} that trace into one SameDiff graph. Shapes are tracked at trace time
 * ({@link OpShapes}), so every node's shape is known and bad arguments fail with a clear
 * message before the graph runs.
 *
 * <p>Work-arounds for SameDiff 1.0.0-M2.1: {@link #gather} is a one-hot matrix product (Gather's
 * gradient is broken), {@link #logSoftmax} is built from max, exp, sum and log (the axis form
 * throws, the axis-less one overflows), {@link #minimum} uses a constant mask (min's gradient is
 * split on ties). Some choices only make SameDiff's backward pass cheaper; they compute the same
 * values.
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
            throw OpShapes.unknownParameter(parameter);
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
        long[] out = OpShapes.matmul(a, b);
        return wrap(sd.mmul(v(a), v(b)), out, DType.FLOAT32);
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] sx = t(x).shapeRef();
        long[] sw = t(weight).shapeRef();
        long[] out = OpShapes.linear(x, weight, bias);
        SDVariable flat = sx.length == 2 ? v(x) : sd.reshape(v(x), Shapes.size(sx) / sw[1], sw[1]); // (..., in) -> (N, in)
        // the transpose as matmul's flag: libnd4j hands it to the GEMM (same CPU as a dense (in, out)
        // operand, measured), where a permute copied the weight forward and its gradient backward
        SDVariable y = sd.mmul(flat, v(weight), false, true, false);             // (N, in) x (out, in)ᵀ -> (N, out)
        if (bias != null) {
            y = BiasRows.add(sd, y, v(bias), Shapes.size(sx) / sw[1], sw[0]);    // (N, out) + (out) on every row
        }
        if (sx.length != 2) {
            y = sd.reshape(y, out);                                              // (N, out) -> (..., out)
        }
        return wrap(y, out, DType.FLOAT32);
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        long[] out = OpShapes.reshape(x, shape);
        return wrap(sd.reshape(v(x), out), out, x.dtype());
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        int[] perm = OpShapes.permutation(x, axes);
        return wrap(sd.permute(v(x), perm), OpShapes.transposed(x, perm), x.dtype());
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        long[] out = OpShapes.concat(xs, axis);
        int ax = OpShapes.concatAxis(xs, axis);
        return xs.size() == 1 ? xs.get(0) : wrap(sd.concat(ax, vars(xs)), out, xs.get(0).dtype());
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        long[] out = OpShapes.stack(xs, axis);
        int ax = OpShapes.stackAxis(xs, axis);
        return wrap(sd.stack(ax, vars(xs)), out, xs.get(0).dtype());
    }

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        long[] in = t(x).shapeRef();
        int ax = Shapes.axis(axis, in.length);
        long[] out = OpShapes.slice(x, axis, start, end);
        int[] begin = new int[in.length];
        int[] size = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            begin[i] = i == ax ? (int) start : 0;
            size[i] = (int) out[i];
        }
        return wrap(sd.slice(v(x), begin, size), out, x.dtype());
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis(axis, x.rank());
        return wrap(sd.sum(v(x), keepDims, ax), OpShapes.reduced(x, ax, keepDims), x.dtype());
    }

    @Override
    public Tensor mean(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis(axis, x.rank());
        return wrap(sd.mean(v(x), keepDims, ax), OpShapes.reduced(x, ax, keepDims), x.dtype());
    }

    @Override
    public Tensor max(Tensor x, int axis, boolean keepDims) {
        int ax = Shapes.axis(axis, x.rank());
        return wrap(sd.max(v(x), keepDims, ax), OpShapes.reduced(x, ax, keepDims), x.dtype());
    }

    @Override
    public Tensor sumAll(Tensor x) {
        SDVariable flat = sd.reshape(v(x), Shapes.size(t(x).shapeRef())); // (...) -> (n)
        return wrap(sd.sum(flat, false, 0), new long[0], x.dtype());
    }

    // ---------------------------------------------------------------- neural-network ops

    @Override
    public Tensor softmax(Tensor x) {
        OpShapes.lastAxis("softmax", x);
        return unary(x, sd.nn.softmax(v(x), x.rank() - 1));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        OpShapes.lastAxis("logSoftmax", x);
        // M2.1: logSoftmax(x, axis) throws, the axis-less op and LogSumExp overflow on large logits
        // (and LogSumExp's gradient is wrong): (x − c) − log Σ exp(x − c), c = max(x) held constant
        int last = x.rank() - 1;
        SDVariable shifted = v(x).sub(constantOf(sd.max(v(x), true, last)));   // (..., V) − (..., 1)
        SDVariable logSum = sd.math.log(sd.sum(sd.math.exp(shifted), true, last)); // (..., 1)
        return unary(x, shifted.sub(logSum));
    }

    @Override
    public Tensor gather(Tensor table, Tensor ids) {
        long[] out = OpShapes.gather(table, ids);
        long[] st = t(table).shapeRef();
        // M2.1: Gather's gradient is broken; one-hot x table is exact and differentiable
        long[] idShape = t(ids).shapeRef();
        long n = Shapes.size(idShape);
        SDVariable hot = sd.reshape(v(oneHot(ids, (int) st[0])), n, st[0]); // (..., V) -> (N, V)
        SDVariable rows = sd.mmul(hot, v(table));                           // (N, V) x (V, d) -> (N, d)
        return wrap(sd.reshape(rows, out), out, DType.FLOAT32);             // (N, d) -> (..., d)
    }

    @Override
    public Tensor embedding(Tensor table, Tensor ids, int paddingId) {
        Nd4jTensor rows = t(ComposedOps.embedding(this, table, ids, paddingId)); // (..., d)
        long[] idShape = t(ids).shapeRef();
        if (idShape.length != 2) {
            return rows;
        }
        long[] tableShape = t(table).shapeRef();
        return rows.withLstmInputs(() -> Nd4jLstm.ofTokens(sd, v(ids), idShape, v(table), tableShape, paddingId));
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        long[] out = OpShapes.oneHot(ids, depth);
        return wrap(sd.oneHot(v(ids), depth, -1, 1.0, 0.0, DataType.FLOAT), out, DType.FLOAT32);
    }

    @Override
    public Tensor argMax(Tensor x) {
        long[] out = OpShapes.argMax(x);
        SDVariable index = sd.castTo(sd.argmax(v(x), false, out.length), DataType.INT);
        return wrap(index, out, DType.INT32);
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        long[] shape = broadcastShape(a, b, "equal");
        return wrap(sd.castTo(sd.eq(v(a), v(b)), DataType.FLOAT), shape, DType.FLOAT32);
    }

    @Override
    public Tensor lstmLayer(Tensor x, LstmGates gates) {
        OpShapes.lstmLayer(x, gates);
        LstmGates.Gate[] order = {gates.input(), gates.forget(), gates.output(), gates.candidate()};
        SDVariable[] weights = Arrays.stream(order).map(g -> v(g.weight())).toArray(SDVariable[]::new);
        SDVariable[] biases = Arrays.stream(order).map(g -> v(g.bias())).toArray(SDVariable[]::new);
        long[] xs = t(x).shapeRef();
        long hidden = gates.hiddenSize();
        Nd4jLstm.StepInputs in = t(x).lstmInputs() != null ? t(x).lstmInputs().get() : Nd4jLstm.ofSequence(sd, v(x), xs);
        SDVariable[] states = Nd4jLstm.layer(sd, in, xs[2], weights, biases, hidden, xs[0]); // S x (d_h, B)
        // the next layer reads the states as they are; (B, S, d_h) is formed only if something else reads it
        return wrap(Nd4jLstm.batchMajor(sd, states, hidden, xs[0]), new long[] {xs[0], xs[1], hidden}, DType.FLOAT32)
                .withLstmInputs(() -> Nd4jLstm.ofStates(states));
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
        throw OpShapes.foreignTensor(Nd4jBackendProvider.NAME, x);
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
        return OpShapes.binary(op, a.dtype(), t(a).shapeRef(), b.dtype(), t(b).shapeRef());
    }
}
