package org.polygrok.api.tck.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.api.tck.Close;
import org.polygrok.api.tck.TinyLanguageModel;
import org.polygrok.api.tck.TinyTask;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.TrainSpec;

/**
 * The kit's reference trainer against PyTorch 2 in float64 (autograd, clip_grad_norm_, torch.optim)
 * on the same {@link TinyTask}: 3 steps, clip 1.0. Expected numbers were produced once by a torch
 * script that rebuilds {@link TinyLanguageModel} (x = E[tokens]; h = tanh(x Wᵀ + b);
 * m = h + mean_S(h); logits = m Hᵀ + c; the RHS loss) from the weights of {@code TinyTask.weights(model, 1)}.
 */
class ReferenceTrainerTest {
    private final TinyLanguageModel model = TinyTask.model();
    private final Map<String, HostArray> weights = TinyTask.weights(model, 1);
    private final Batch batch = TinyTask.batch();

    @Test
    void adamWMatchesTorch() {
        check(new TrainSpec(OptimizerSpec.adamW(1e-2, 1.0), 1.0),
                new double[] {4.932651181142449, 4.772783918501446, 4.616066903784016},
                new double[] {1.9769278162971018, 1.9660453107958662, 1.9543916952024885},
                new double[] {-0.416772944529326, 0.7385066698354761, -0.16929597713202907, 5.7920903281071885,
                    0.3468791957184629, 0.20642351906090237, -0.7179174621008128, 0.9019821211990707},
                new double[] {0.8588377085166276, 0.09407004735067759, 0.3426245180700515, -0.3877602138733752});
    }

    @Test
    void momentumMatchesTorch() {
        check(new TrainSpec(new OptimizerSpec(OptimizerSpec.Kind.MOMENTUM, 0.1, 0.01, 0.9, 0.999, 1e-8, 0.9), 1.0),
                new double[] {4.932651181142449, 4.731017320032162, 4.357345487687658},
                new double[] {1.9769278162971018, 1.9497886833667424, 1.898985079111825},
                new double[] {-0.40074844840223617, 0.7868005787684957, -0.1435669721057995, 5.789759202500879,
                    0.38189247485533523, 0.239954865979869, -0.7471217445201375, 0.9409850080663196},
                new double[] {0.8676445588915986, 0.1486848708980746, 0.24313500011541386, -0.3804446698421597});
    }

    private void check(TrainSpec spec, double[] losses, double[] norms, double[] headBias, double[] mixRow0) {
        ReferenceTrainer trainer = new ReferenceTrainer(model, weights, spec);
        for (int t = 0; t < 3; t++) {
            assertThat(trainer.step(batch)).as("loss of step %d", t + 1).isCloseTo(losses[t], within(1e-10));
            assertThat(trainer.lastGradientNorm()).as("gradient norm of step %d", t + 1).isCloseTo(norms[t], within(1e-8));
        }
        assertThat(trainer.stepsTaken()).isEqualTo(3);
        Map<String, HostArray> w = trainer.weights();
        Close.assertClose("head.bias", Close.toDoubles(w.get("head.bias").floats()), headBias, 0, 5e-7);
        Close.assertClose("mix.weight row 0", Close.toDoubles(Arrays.copyOf(w.get("mix.weight").floats(), 4)), mixRow0,
                0, 5e-7);
    }
}
