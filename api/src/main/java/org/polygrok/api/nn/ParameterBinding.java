package org.polygrok.api.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.LstmGates;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * An {@link Ops} that answers {@link #param} from given tensors and passes every other operation
 * to the engine's ops. With it a model runs inside {@link org.polygrok.api.Backend#run} or
 * {@link org.polygrok.api.Backend#valueAndGradients} with its weights fed as ordinary inputs, so
 * that a backend's generic entry points (which know no model) can evaluate or differentiate it.
 */
public final class ParameterBinding implements Ops {
    private final Ops engine;
    private final Map<Parameter, Tensor> values;

    /** Binds each parameter (by identity) to its tensor; {@code engine} does the arithmetic. */
    public ParameterBinding(Ops engine, Map<Parameter, Tensor> values) {
        this.engine = engine;
        this.values = new IdentityHashMap<>(values);
    }

    /** Binds {@code parameters.get(i)} to {@code tensors.get(i)}, e.g. a model's parameters to inputs. */
    public static ParameterBinding of(Ops engine, List<Parameter> parameters, List<Tensor> tensors) {
        if (parameters.size() != tensors.size()) {
            throw new IllegalArgumentException("cannot bind " + parameters.size() + " parameters to "
                    + tensors.size() + " tensors");
        }
        Map<Parameter, Tensor> values = new IdentityHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            values.put(parameters.get(i), tensors.get(i));
        }
        return new ParameterBinding(engine, values);
    }

    @Override
    public Tensor param(Parameter parameter) {
        Tensor t = values.get(parameter);
        if (t == null) {
            throw new IllegalArgumentException("parameter " + parameter + " has no bound value");
        }
        return t;
    }

    @Override
    public Tensor constant(HostArray value) {
        return engine.constant(value);
    }

    @Override
    public Tensor scalar(float value) {
        return engine.scalar(value);
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return engine.add(a, b);
    }

    @Override
    public Tensor sub(Tensor a, Tensor b) {
        return engine.sub(a, b);
    }

    @Override
    public Tensor mul(Tensor a, Tensor b) {
        return engine.mul(a, b);
    }

    @Override
    public Tensor div(Tensor a, Tensor b) {
        return engine.div(a, b);
    }

    @Override
    public Tensor minimum(Tensor a, Tensor b) {
        return engine.minimum(a, b);
    }

    @Override
    public Tensor neg(Tensor x) {
        return engine.neg(x);
    }

    @Override
    public Tensor exp(Tensor x) {
        return engine.exp(x);
    }

    @Override
    public Tensor log(Tensor x) {
        return engine.log(x);
    }

    @Override
    public Tensor sqrt(Tensor x) {
        return engine.sqrt(x);
    }

    @Override
    public Tensor tanh(Tensor x) {
        return engine.tanh(x);
    }

    @Override
    public Tensor sigmoid(Tensor x) {
        return engine.sigmoid(x);
    }

    @Override
    public Tensor erf(Tensor x) {
        return engine.erf(x);
    }

    @Override
    public Tensor matmul(Tensor a, Tensor b) {
        return engine.matmul(a, b);
    }

    @Override
    public Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return engine.linear(x, weight, bias);
    }

    @Override
    public Tensor reshape(Tensor x, long... shape) {
        return engine.reshape(x, shape);
    }

    @Override
    public Tensor transpose(Tensor x, int... axes) {
        return engine.transpose(x, axes);
    }

    @Override
    public Tensor concat(List<Tensor> xs, int axis) {
        return engine.concat(xs, axis);
    }

    @Override
    public Tensor stack(List<Tensor> xs, int axis) {
        return engine.stack(xs, axis);
    }

    @Override
    public Tensor slice(Tensor x, int axis, long start, long end) {
        return engine.slice(x, axis, start, end);
    }

    @Override
    public Tensor sum(Tensor x, int axis, boolean keepDims) {
        return engine.sum(x, axis, keepDims);
    }

    @Override
    public Tensor mean(Tensor x, int axis, boolean keepDims) {
        return engine.mean(x, axis, keepDims);
    }

    @Override
    public Tensor max(Tensor x, int axis, boolean keepDims) {
        return engine.max(x, axis, keepDims);
    }

    @Override
    public Tensor sumAll(Tensor x) {
        return engine.sumAll(x);
    }

    @Override
    public Tensor softmax(Tensor x) {
        return engine.softmax(x);
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        return engine.logSoftmax(x);
    }

    @Override
    public Tensor gather(Tensor table, Tensor ids) {
        return engine.gather(table, ids);
    }

    @Override
    public Tensor oneHot(Tensor ids, int depth) {
        return engine.oneHot(ids, depth);
    }

    @Override
    public Tensor argMax(Tensor x) {
        return engine.argMax(x);
    }

    @Override
    public Tensor equal(Tensor a, Tensor b) {
        return engine.equal(a, b);
    }

    @Override
    public Tensor embedding(Tensor table, Tensor ids, int paddingId) {
        return engine.embedding(table, ids, paddingId);
    }

    @Override
    public Tensor gelu(Tensor x) {
        return engine.gelu(x);
    }

    @Override
    public Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, float eps) {
        return engine.layerNorm(x, weight, bias, eps);
    }

    @Override
    public Tensor lstmLayer(Tensor x, LstmGates gates) {
        return engine.lstmLayer(x, gates);
    }
}
