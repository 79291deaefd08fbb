package org.polygrok.api.tck.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.TrainSpec;

/**
 * A plain-Java trainer in double precision, independent of the api's loss, clipping and optimizer
 * rules: forward with {@link ReferenceOps}, loss by {@link ReferenceLoss}, gradients by central
 * finite differences, clipping and {@link ReferenceOptimizer} written from torch's docs. The
 * conformance kit compares each backend's {@link org.polygrok.api.train.TrainSession} with it.
 * Meant for tiny models (every gradient costs two forward passes per weight).
 */
public final class ReferenceTrainer {
    private static final double FINITE_DIFFERENCE_STEP = 1e-5;

    private final LanguageModel model;
    private final TrainSpec spec;
    private final ReferenceOptimizer optimizer;
    private final Map<String, double[]> weights = new LinkedHashMap<>();
    private final Map<String, List<double[]>> state = new LinkedHashMap<>();
    private long step;
    private double lastGradientNorm = Double.NaN;

    public ReferenceTrainer(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec) {
        this.model = model;
        this.spec = spec;
        this.optimizer = new ReferenceOptimizer(spec.optimizer());
        model.namedParameters().forEach((name, p) -> {
            double[] w = ReferenceTensor.of(initialWeights.get(name)).values();
            weights.put(name, w);
            List<double[]> slots = new ArrayList<>();
            optimizer.stateNames().forEach(s -> slots.add(new double[w.length]));
            state.put(name, slots);
        });
    }

    /** One full-batch step; returns the mean loss before the update. */
    public double step(Batch batch) {
        double loss = loss(batch);
        Map<String, double[]> grads = gradients(batch);
        double total = 0;
        for (double[] g : grads.values()) {
            for (double x : g) {
                total += x * x;
            }
        }
        lastGradientNorm = Math.sqrt(total);
        if (spec.clipNorm() > 0) {
            double coefficient = spec.clipNorm() / (lastGradientNorm + 1e-6);
            if (coefficient < 1) {
                grads.values().forEach(g -> {
                    for (int j = 0; j < g.length; j++) {
                        g[j] *= coefficient;
                    }
                });
            }
        }
        step++;
        for (String name : weights.keySet()) {
            optimizer.step(step, weights.get(name), grads.get(name), state.get(name));
        }
        return loss;
    }

    /** The mean RHS loss at the current weights. */
    public double loss(Batch batch) {
        return ReferenceLoss.mean(logits(weights, batch.tokens()).values(), logitsShape(batch), batch.targets(),
                batch.rhsWeights());
    }

    public double[] perSampleLoss(Batch batch) {
        return ReferenceLoss.perSample(logits(weights, batch.tokens()).values(), logitsShape(batch), batch.targets(),
                batch.rhsWeights());
    }

    public double[] correct(Batch batch) {
        return ReferenceLoss.correct(logits(weights, batch.tokens()).values(), logitsShape(batch), batch.targets(),
                batch.rhsWeights());
    }

    /** The gradient norm before clipping at the last step. */
    public double lastGradientNorm() {
        return lastGradientNorm;
    }

    public long stepsTaken() {
        return step;
    }

    /** Current weights, rounded to float32, in parameter order. */
    public Map<String, HostArray> weights() {
        Map<String, HostArray> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> out.put(name,
                new ReferenceTensor(org.polygrok.api.DType.FLOAT32, weights.get(name), p.shape()).toHostArray()));
        return out;
    }

    /** Optimizer state per parameter name, in {@link ReferenceOptimizer#stateNames()} order, in double. */
    public Map<String, List<double[]>> optimizerState() {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        state.forEach((name, slots) -> out.put(name, slots.stream().map(double[]::clone).toList()));
        return out;
    }

    private Map<String, double[]> gradients(Batch batch) {
        Map<String, double[]> grads = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            double[] w = e.getValue();
            double[] g = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                double saved = w[j];
                double h = FINITE_DIFFERENCE_STEP * Math.max(1, Math.abs(saved));
                w[j] = saved + h;
                double plus = loss(batch);
                w[j] = saved - h;
                double minus = loss(batch);
                w[j] = saved;
                g[j] = (plus - minus) / (2 * h);
            }
            grads.put(e.getKey(), g);
        }
        return grads;
    }

    private ReferenceTensor logits(Map<String, double[]> values, HostArray tokens) {
        Map<Parameter, ReferenceTensor> bound = new java.util.IdentityHashMap<>();
        model.namedParameters().forEach((name, p) -> bound.put(p, ReferenceTensor.of(values.get(name), p.shape())));
        ReferenceOps ops = ReferenceOps.withDoubleWeights(bound);
        return ReferenceOps.ref(model.forward(ops, ops.constant(tokens)).logits());
    }

    private long[] logitsShape(Batch batch) {
        long[] s = batch.tokens().shape();
        return new long[] {s[0], s[1], model.vocabSize()};
    }
}
