package org.polygrok.api.tck.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Shapes;
import org.polygrok.api.Tensor;
import org.polygrok.api.TensorFunction;
import org.polygrok.api.nn.Parameter;

/**
 * {@link Ops} in plain Java, eager, in double precision, with exactly the semantics of the
 * {@code Ops} javadoc: the source of expected values of the conformance kit, and a way to run any
 * model written on {@code Ops} (LSTM, GPT) without an engine. Nothing is differentiated here;
 * gradients are taken by finite differences ({@link FiniteDifferences}).
 *
 * <p>Tensors are {@link ReferenceTensor}s. Parameters answer from the map given at construction
 * (compared by identity, as backends do). Arithmetic, reductions and activations take FLOAT32;
 * shape ops take either dtype; {@code gather}/{@code oneHot} take INT32 ids.
 */
public final class ReferenceOps implements Ops {
    private final Map<Parameter, ReferenceTensor> parameters;

    /** Without parameters: {@link #param} throws. */
    public ReferenceOps() {
        this.parameters = Map.of();
    }

    /** Parameter values from float32 host arrays (widened to double). */
    public ReferenceOps(Map<Parameter, HostArray> weights) {
        Map<Parameter, ReferenceTensor> m = new IdentityHashMap<>();
        weights.forEach((p, w) -> m.put(p, ReferenceTensor.of(w)));
        this.parameters = checked(m);
    }

    /** Parameter values in double precision, e.g. perturbed for finite differences. */
    public static ReferenceOps withDoubleWeights(Map<Parameter, ReferenceTensor> weights) {
        return new ReferenceOps(new IdentityHashMap<>(weights));
    }

    private ReferenceOps(IdentityHashMap<Parameter, ReferenceTensor> weights) {
        this.parameters = checked(weights);
    }

    private static Map<Parameter, ReferenceTensor> checked(Map<Parameter, ReferenceTensor> weights) {
        weights.forEach((p, w) -> {
            if (w.dtype() != DType.FLOAT32 || !Arrays.equals(w.shape(), p.shape())) {
                throw new IllegalArgumentException("value of parameter " + p + " is " + w.dtype() + " "
                        + Arrays.toString(w.shape()));
            }
        });
        return weights;
    }

    /** Runs a function on host inputs and rounds its results to float32, as {@code Backend.run} does. */
    public List<HostArray> run(TensorFunction function, List<HostArray> inputs) {
        List<Tensor> in = new ArrayList<>();
        inputs.forEach(h -> in.add(ReferenceTensor.of(h)));
        return function.apply(this, in).stream().map(Tensor::toHostArray).toList();
    }

    // ---------------------------------------------------------------- values

    @Override
    public Tensor constant(HostArray value) {
        return ReferenceTensor.of(value);
    }

    @Override
    public Tensor param(Parameter parameter) {
        ReferenceTensor t = parameters.get(parameter);
        if (t == null) {
            throw new IllegalArgumentException("no value was given for parameter " + parameter);
        }
        return t;
    }

    // ---------------------------------------------------------------- element-wise

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return broadcast(a, b, Double::sum);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return broadcast(a, b, (x, y) -> x - y);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return broadcast(a, b, (x, y) -> x * y);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return broadcast(a, b, (x, y) -> x / y);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        return broadcast(a, b, Math::min);
    }

    @Override
    public Tensor neg(Tensor x) {
        return map(x, v -> -v);
    }

    @Override
    public Tensor exp(Tensor x) {
        return map(x, Math::exp);
    }

    @Override
    public Tensor log(Tensor x) {
        return map(x, Math::log);
    }

    @Override
    public Tensor sqrt(Tensor x) {
        return map(x, Math::sqrt);
    }

    @Override
    public Tensor tanh(Tensor x) {
        return map(x, Math::tanh);
    }

    @Override
    public Tensor sigmoid(Tensor x) {
        return map(x, v -> v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));
    }

    @Override
    public Tensor erf(Tensor x) {
        return map(x, ErrorFunction::erf);
    }

    // ---------------------------------------------------------------- linear algebra

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        return Contractions.matmul(floats(a, "matmul"), floats(b, "matmul"));
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Contractions.linear(floats(x, "linear"), floats(weight, "linear"),
                bias == null ? null : floats(bias, "linear"));
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        ReferenceTensor t = ref(x);
        return new ReferenceTensor(t.dtype(), t.data(), Shapes.resolveReshape(t.size(), shape));
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        return ShapeOps.transpose(ref(x), axes);
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        return ShapeOps.concat(refs(xs), axis);
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        return ShapeOps.stack(refs(xs), axis);
    }

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        return ShapeOps.slice(ref(x), axis, start, end);
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum(Tensor x, int axis, boolean keepDims) {
        return Reductions.reduce(floats(x, "sum"), axis, keepDims, Reductions.Kind.SUM);
    }

    @Override
    public Tensor mean(Tensor x, int axis, boolean keepDims) {
        return Reductions.reduce(floats(x, "mean"), axis, keepDims, Reductions.Kind.MEAN);
    }

    @Override
    public Tensor max(Tensor x, int axis, boolean keepDims) {
        return Reductions.reduce(floats(x, "max"), axis, keepDims, Reductions.Kind.MAX);
    }

    @Override
    public Tensor sumAll(Tensor x) {
        double s = 0;
        for (double v : floats(x, "sumAll").data()) {
            s += v;
        }
        return new ReferenceTensor(DType.FLOAT32, new double[] {s});
    }

    // ---------------------------------------------------------------- neural-network ops

    @Override
    public Tensor softmax(Tensor x) {
        return Reductions.softmax(floats(x, "softmax"), false);
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        return Reductions.softmax(floats(x, "logSoftmax"), true);
    }

    @Override
    public Tensor gather(Tensor table, Tensor ids) {
        return Lookups.gather(floats(table, "gather"), ints(ids, "gather"));
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        return Lookups.oneHot(ints(ids, "oneHot"), depth);
    }

    @Override
    public Tensor argMax(Tensor x) {
        return Lookups.argMax(floats(x, "argMax"));
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        ReferenceTensor x = ref(a);
        ReferenceTensor y = ref(b);
        if (x.dtype() != y.dtype()) {
            throw new IllegalArgumentException("equal needs inputs of one dtype, got " + x.dtype() + " and " + y.dtype());
        }
        return combine(x, y, (u, v) -> u == v ? 1 : 0);
    }

    // ---------------------------------------------------------------- helpers

    private Tensor broadcast(Tensor a, Tensor b, DoubleBinaryOperator f) {
        return combine(floats(a, "arithmetic"), floats(b, "arithmetic"), f);
    }

    private static ReferenceTensor combine(ReferenceTensor x, ReferenceTensor y, DoubleBinaryOperator f) {
        long[] shape = Shapes.broadcast(x.shape(), y.shape());
        int[] ix = Layout.broadcastIndex(x.shape(), shape);
        int[] iy = Layout.broadcastIndex(y.shape(), shape);
        double[] xv = x.data();
        double[] yv = y.data();
        double[] out = new double[ix.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(xv[ix[i]], yv[iy[i]]);
        }
        return new ReferenceTensor(DType.FLOAT32, out, shape);
    }

    private Tensor map(Tensor x, DoubleUnaryOperator f) {
        ReferenceTensor t = floats(x, "element-wise math");
        double[] v = t.data();
        double[] out = new double[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(v[i]);
        }
        return new ReferenceTensor(DType.FLOAT32, out, t.shape());
    }

    static ReferenceTensor ref(Tensor t) {
        if (t instanceof ReferenceTensor r) {
            return r;
        }
        throw new IllegalArgumentException("ReferenceOps takes only ReferenceTensors, got " + t);
    }

    private static List<ReferenceTensor> refs(List<Tensor> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat and stack need at least one tensor");
        }
        return xs.stream().map(ReferenceOps::ref).toList();
    }

    private static ReferenceTensor floats(Tensor t, String op) {
        ReferenceTensor r = ref(t);
        if (r.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + " takes FLOAT32, got " + r.dtype());
        }
        return r;
    }

    private static ReferenceTensor ints(Tensor t, String op) {
        ReferenceTensor r = ref(t);
        if (r.dtype() != DType.INT32) {
            throw new IllegalArgumentException(op + " takes INT32 ids, got " + r.dtype());
        }
        return r;
    }
}
