package org.polygrok.api.tck.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Central finite differences in double precision: ∂f/∂x_j ≈ (f(x + h_j e_j) − f(x − h_j e_j)) / 2h_j
 * with h_j = relativeStep · max(1, |x_j|). The kit's source of expected gradients.
 */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /**
     * The gradient of {@code f} with respect to input {@code which}, the other inputs held fixed.
     *
     * @param f a scalar function of the inputs, evaluated in double precision
     */
    public static double[] gradient(ToDoubleFunction<List<ReferenceTensor>> f, List<ReferenceTensor> inputs, int which,
            double relativeStep) {
        ReferenceTensor x = inputs.get(which);
        double[] base = x.values();
        double[] grad = new double[base.length];
        List<ReferenceTensor> probe = new ArrayList<>(inputs);
        for (int j = 0; j < base.length; j++) {
            double h = relativeStep * Math.max(1, Math.abs(base[j]));
            double[] plus = base.clone();
            plus[j] += h;
            double[] minus = base.clone();
            minus[j] -= h;
            double hPlus = plus[j] - base[j];   // the steps actually taken after rounding
            double hMinus = base[j] - minus[j];
            probe.set(which, new ReferenceTensor(x.dtype(), plus, x.shape()));
            double fPlus = f.applyAsDouble(probe);
            probe.set(which, new ReferenceTensor(x.dtype(), minus, x.shape()));
            double fMinus = f.applyAsDouble(probe);
            grad[j] = (fPlus - fMinus) / (hPlus + hMinus);
        }
        return grad;
    }
}
