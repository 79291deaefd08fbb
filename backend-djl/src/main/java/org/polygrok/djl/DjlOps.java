package org.polygrok.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.Ops;
import org.polygrok.api.Shapes;
import org.polygrok.api.Tensor;
import org.polygrok.api.nn.Parameter;

/**
 * The neutral {@link Ops} on PyTorch tensors through DJL, eagerly. Every result (and every
 * constant) belongs to one {@link NDManager}, the scope given at construction: closing that scope
 * frees all intermediates at once. Parameters are bound by identity to arrays owned elsewhere.
 */
public final class DjlOps implements Ops {
    private final NDManager scope;
    private final Function<Parameter, NDArray> parameters;

    /**
     * @param scope owns every array these ops create
     * @param parameters the array holding each model parameter's current value (null when unknown)
     */
    public DjlOps(NDManager scope, Function<Parameter, NDArray> parameters) {
        this.scope = scope;
        this.parameters = parameters;
    }

    /** Ops without parameters (for {@code run} and {@code valueAndGradients}). */
    public DjlOps(NDManager scope) {
        this(scope, p -> null);
    }

    /** Wraps an array created outside these ops, moving it into this scope. */
    public Tensor adopt(NDArray array) {
        return out(array);
    }

    // ---------------------------------------------------------------- values

    @Override
    public Tensor constant(HostArray value) {
        return new DjlTensor(DjlArrays.upload(scope, value));
    }

    @Override
    public Tensor param(Parameter parameter) {
        NDArray value = parameters.apply(parameter);
        if (value == null) {
            throw new IllegalArgumentException("parameter " + parameter + " is not part of the model these ops run");
        }
        return new DjlTensor(value);
    }

    // ---------------------------------------------------------------- element-wise

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return out(pt(broadcastable(a, b)).add(pt(b)));
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return out(pt(broadcastable(a, b)).sub(pt(b)));
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return out(pt(broadcastable(a, b)).mul(pt(b)));
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return out(pt(broadcastable(a, b)).div(pt(b)));
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        // torch.minimum splits the gradient on ties; where(a <= b) sends it all to a, as documented.
        PtNDArray x = pt(broadcastable(a, b));
        PtNDArray y = pt(b);
        PtNDArray aFirst = JniUtils.lte(x, y);
        aFirst.attach(scope);
        return out(JniUtils.where(aFirst, x, y));
    }

    @Override
    public Tensor neg(Tensor x) {
        return out(JniUtils.neg(pt(x)));
    }

    @Override
    public Tensor exp(Tensor x) {
        return out(JniUtils.exp(pt(x)));
    }

    @Override
    public Tensor log(Tensor x) {
        return out(JniUtils.log(pt(x)));
    }

    @Override
    public Tensor sqrt(Tensor x) {
        return out(JniUtils.sqrt(pt(x)));
    }

    @Override
    public Tensor tanh(Tensor x) {
        return out(JniUtils.tanh(pt(x)));
    }

    @Override
    public Tensor sigmoid(Tensor x) {
        return out(JniUtils.sigmoid(pt(x)));
    }

    @Override
    public Tensor erf(Tensor x) {
        return out(JniUtils.erf(pt(x)));
    }

    // ---------------------------------------------------------------- linear algebra

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        if (sa.length < 2 || sb.length < 2 || sa[sa.length - 1] != sb[sb.length - 2]) {
            throw new IllegalArgumentException("matmul needs (..., m, k) x (..., k, n), got "
                    + Arrays.toString(sa) + " x " + Arrays.toString(sb));
        }
        return out(JniUtils.matmul(pt(a), pt(b)));
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] sx = x.shape();
        long[] sw = weight.shape();
        if (sx.length < 1 || sw.length != 2 || sx[sx.length - 1] != sw[1]
                || bias != null && (bias.rank() != 1 || bias.shape()[0] != sw[0])) {
            throw new IllegalArgumentException("linear needs x (..., in), weight (out, in), bias (out), got "
                    + Arrays.toString(sx) + ", " + Arrays.toString(sw)
                    + (bias == null ? "" : ", " + Arrays.toString(bias.shape())));
        }
        PtNDArray b = bias == null ? null : pt(bias);
        if (sx.length <= 2) {
            return out(JniUtils.linear(pt(x), pt(weight), b)); // torch's addmm, bias fused
        }
        // libtorch 2.7 runs a rank-3 linear as matmul + a separate bias pass; folding the leading
        // dims first takes the fused addmm path
        long[] folded = {Shapes.size(sx) / sx[sx.length - 1], sx[sx.length - 1]};
        PtNDArray flat = JniUtils.reshape(pt(x), folded); // (..., in) -> (N, in)
        flat.attach(scope);
        PtNDArray y = JniUtils.linear(flat, pt(weight), b); // (N, out)
        y.attach(scope);
        long[] unfolded = sx.clone();
        unfolded[sx.length - 1] = sw[0];
        return out(JniUtils.reshape(y, unfolded)); // (N, out) -> (..., out)
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        long[] target = Shapes.resolveReshape(Shapes.size(x.shape()), shape);
        return out(JniUtils.reshape(pt(x), target));
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        int rank = x.rank();
        if (axes.length != rank) {
            throw new IllegalArgumentException("transpose of a rank-" + rank + " tensor needs " + rank
                    + " axes, got " + Arrays.toString(axes));
        }
        long[] dims = new long[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int a = Shapes.axis(axes[i], rank);
            if (seen[a]) {
                throw new IllegalArgumentException("transpose axes " + Arrays.toString(axes) + " repeat axis " + a);
            }
            seen[a] = true;
            dims[i] = a;
        }
        return out(JniUtils.permute(pt(x), dims));
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        return out(JniUtils.cat(arrays(xs), Shapes.axis(axis, xs.get(0).rank())));
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("stack needs at least one tensor");
        }
        long[] first = xs.get(0).shape();
        for (Tensor t : xs) {
            if (!Arrays.equals(first, t.shape())) {
                throw new IllegalArgumentException("stack needs equal shapes, got " + Arrays.toString(first)
                        + " and " + Arrays.toString(t.shape()));
            }
        }
        return out(JniUtils.stack(arrays(xs), Shapes.axis(axis, first.length + 1)));
    }

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        long[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length);
        if (start < 0 || end < start || end > shape[a]) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is outside axis " + a
                    + " of length " + shape[a]);
        }
        return out(JniUtils.slice(pt(x), a, start, end, 1));
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum(Tensor x, int axis, boolean keepDims) {
        return out(JniUtils.sum(pt(x), new long[] {Shapes.axis(axis, x.rank())}, keepDims));
    }

    @Override
    public Tensor mean(Tensor x, int axis, boolean keepDims) {
        return out(JniUtils.mean(pt(x), Shapes.axis(axis, x.rank()), keepDims));
    }

    @Override
    public Tensor max(Tensor x, int axis, boolean keepDims) {
        return out(JniUtils.max(pt(x), Shapes.axis(axis, x.rank()), keepDims));
    }

    @Override
    public Tensor sumAll(Tensor x) {
        return out(JniUtils.sum(pt(x)));
    }

    // ---------------------------------------------------------------- neural-network ops

    @Override
    public Tensor softmax(Tensor x) {
        return out(JniUtils.softmax(pt(x), -1, DataType.FLOAT32));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        return out(JniUtils.logSoftmax(pt(x), -1, DataType.FLOAT32));
    }

    @Override
    public Tensor gather(Tensor table, Tensor ids) {
        if (table.rank() != 2 || ids.dtype() != DType.INT32) {
            throw new IllegalArgumentException("gather needs a (V, d) table and INT32 ids, got "
                    + Arrays.toString(table.shape()) + " and " + ids.dtype());
        }
        return out(JniUtils.embedding(pt(ids), pt(table), false));
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        if (ids.dtype() != DType.INT32 || depth < 1) {
            throw new IllegalArgumentException("oneHot needs INT32 ids and depth >= 1, got " + ids.dtype()
                    + " and " + depth);
        }
        return out(JniUtils.oneHot(pt(ids), depth, DataType.FLOAT32));
    }

    @Override
    public Tensor argMax(Tensor x) {
        return out(JniUtils.argMax(pt(x), -1, false));
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("equal needs one dtype, got " + a.dtype() + " and " + b.dtype());
        }
        return out(JniUtils.eq(pt(broadcastable(a, b)), pt(b)));
    }

    // ---------------------------------------------------------------- compound layers (libtorch's fused kernels)

    @Override
    public Tensor gelu(Tensor x) {
        return out(JniUtils.gelu(pt(x))); // exact (erf) GELU, torch's default
    }

    @Override
    public Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, float eps) {
        long[] shape = x.shape();
        long dim = shape[shape.length - 1];
        if (weight.rank() != 1 || weight.shape()[0] != dim || bias.rank() != 1 || bias.shape()[0] != dim) {
            throw new IllegalArgumentException("layerNorm over width " + dim + " needs weight and bias (" + dim
                    + "), got " + Arrays.toString(weight.shape()) + " and " + Arrays.toString(bias.shape()));
        }
        return out(JniUtils.layerNorm(pt(x), new Shape(dim), pt(weight), pt(bias), eps));
    }

    @Override
    public Tensor lstmLayer(Tensor x, LstmGates gates) {
        if (x.rank() != 3 || x.shape()[2] != gates.inputSize()) {
            throw new IllegalArgumentException("an LSTM layer over inputs of width " + gates.inputSize()
                    + " needs x (B, S, " + gates.inputSize() + "), got " + Arrays.toString(x.shape()));
        }
        return out(DjlLstm.layer(scope, pt(x), gates));
    }

    // ---------------------------------------------------------------- helpers

    private static Tensor broadcastable(Tensor a, Tensor b) {
        Shapes.broadcast(a.shape(), b.shape());
        return a;
    }

    private static PtNDArray pt(Tensor t) {
        return (PtNDArray) DjlTensor.unwrap(t);
    }

    private static PtNDArray[] arrays(List<Tensor> xs) {
        PtNDArray[] out = new PtNDArray[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pt(xs.get(i));
        }
        return out;
    }

    /**
     * Moves a result into the scope (results attach to their first operand's manager, which may
     * be a parameter's) and normalises engine dtypes: INT64 (indices, integer sums) to INT32,
     * BOOLEAN (comparisons) to FLOAT32.
     */
    private Tensor out(NDArray result) {
        NDArray r = result;
        if (r.getManager() != scope) {
            r.attach(scope);
        }
        DataType type = r.getDataType();
        if (type == DataType.INT64) {
            r = r.toType(DataType.INT32, false);
        } else if (type == DataType.BOOLEAN) {
            r = r.toType(DataType.FLOAT32, false);
        }
        return new DjlTensor(r);
    }
}
