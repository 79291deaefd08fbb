package org.polygrok.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.function.Function;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.OpShapes;
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

    /** The manager that owns every array these ops create. */
    NDManager scope() {
        return scope;
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
            throw OpShapes.unknownParameter(parameter);
        }
        return new DjlTensor(value);
    }

    // ---------------------------------------------------------------- element-wise

    @Override
    public Tensor add(Tensor a, Tensor b) {
        OpShapes.binary("add", a, b);
        return out(pt(a).add(pt(b)));
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        OpShapes.binary("sub", a, b);
        return out(pt(a).sub(pt(b)));
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        OpShapes.binary("mul", a, b);
        return out(pt(a).mul(pt(b)));
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        OpShapes.binary("div", a, b);
        return out(pt(a).div(pt(b)));
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        // torch.minimum splits the gradient on ties; where(a <= b) sends it all to a, as documented.
        OpShapes.binary("minimum", a, b);
        PtNDArray x = pt(a);
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
        OpShapes.matmul(a, b);
        return out(JniUtils.matmul(pt(a), pt(b)));
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        long[] unfolded = OpShapes.linear(x, weight, bias); // (..., out)
        long[] sx = x.shape();
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
        return out(JniUtils.reshape(y, unfolded)); // (N, out) -> (..., out)
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        return out(JniUtils.reshape(pt(x), OpShapes.reshape(x, shape)));
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        int[] perm = OpShapes.permutation(x, axes);
        long[] dims = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            dims[i] = perm[i];
        }
        return out(JniUtils.permute(pt(x), dims));
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        OpShapes.concat(xs, axis);
        return out(JniUtils.cat(arrays(xs), OpShapes.concatAxis(xs, axis)));
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        OpShapes.stack(xs, axis);
        return out(JniUtils.stack(arrays(xs), OpShapes.stackAxis(xs, axis)));
    }

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        OpShapes.slice(x, axis, start, end);
        return out(JniUtils.slice(pt(x), Shapes.axis(axis, x.rank()), start, end, 1));
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
        OpShapes.lastAxis("softmax", x);
        return out(JniUtils.softmax(pt(x), -1, DataType.FLOAT32));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        OpShapes.lastAxis("logSoftmax", x);
        return out(JniUtils.logSoftmax(pt(x), -1, DataType.FLOAT32));
    }

    @Override
    public Tensor gather(Tensor table, Tensor ids) {
        OpShapes.gather(table, ids);
        return out(JniUtils.embedding(pt(ids), pt(table), false));
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        OpShapes.oneHot(ids, depth);
        return out(JniUtils.oneHot(pt(ids), depth, DataType.FLOAT32));
    }

    @Override
    public Tensor argMax(Tensor x) {
        OpShapes.argMax(x);
        return out(JniUtils.argMax(pt(x), -1, false));
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        OpShapes.binary("equal", a, b);
        return out(JniUtils.eq(pt(a), pt(b)));
    }

    // ---------------------------------------------------------------- compound layers (libtorch's fused kernels)

    @Override
    public Tensor gelu(Tensor x) {
        return out(JniUtils.gelu(pt(x))); // exact (erf) GELU, torch's default
    }

    @Override
    public Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, float eps) {
        long[] shape = OpShapes.layerNorm(x, weight, bias);
        long dim = shape[shape.length - 1];
        return out(JniUtils.layerNorm(pt(x), new Shape(dim), pt(weight), pt(bias), eps));
    }

    @Override
    public Tensor lstmLayer(Tensor x, LstmGates gates) {
        OpShapes.lstmLayer(x, gates);
        return out(DjlLstm.layer(scope, pt(x), gates));
    }

    // ---------------------------------------------------------------- helpers

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
