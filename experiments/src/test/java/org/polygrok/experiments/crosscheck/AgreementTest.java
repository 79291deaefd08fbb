package org.polygrok.experiments.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.api.HostArray;
import org.polygrok.experiments.metrics.SetMetrics;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.Json;

/** The comparison arithmetic and the verdict, on hand-made trajectories (no engine involved). */
class AgreementTest {
    @TempDir
    Path tmp;

    private static BackendTrajectory run(String name, double train0, double val0, double[] losses, float weight) {
        SetMetrics train = new SetMetrics(train0, 0.0, null, null, null, null);
        SetMetrics val = new SetMetrics(val0, 0.5, null, null, null, null);
        Map<String, HostArray> weights = Map.of("w", HostArray.of(new float[] {1f, weight}, 2), "b",
                HostArray.of(new float[] {0f}, 1));
        return new BackendTrajectory(name, name + " engine", train, val, losses, train, val, weights, 1.0);
    }

    @Test
    void differencesAreTakenToTheFirstBackendAndTheWorstIsReported() {
        BackendTrajectory ref = run("a", 3.0, 3.1, new double[] {3.0, 2.0, 1.0}, 0.5f);
        BackendTrajectory b = run("b", 3.0 + 4e-6, 3.1, new double[] {3.0, 2.0002, 1.0}, 0.5f);
        BackendTrajectory c = run("c", 3.0, 3.1 - 2e-6, new double[] {3.0005, 2.0, 0.9999}, 0.504f);
        Agreement a = Agreement.of(List.of(ref, b, c), Tolerances.defaults());

        assertThat(a.maxAbsolutePerStep()).containsExactly(new double[] {5e-4, 2e-4, 1e-4}, within(1e-9));
        assertThat(a.maxRelativePerStep()).containsExactly(new double[] {5e-4 / 3, 1e-4, 1e-4}, within(1e-9));
        assertThat(a.checks()).hasSize(8);
        Agreement.Check cLoss = a.checks().stream().filter(k -> k.backend().equals("c")
                && k.quantity().equals("training loss")).findFirst().orElseThrow();
        assertThat(cLoss.where()).isEqualTo("step 1");
        Agreement.Check cWeights = a.checks().get(7);
        assertThat(cWeights.where()).isEqualTo("w");
        assertThat(cWeights.difference()).isCloseTo(0.004, within(1e-6));
        assertThat(a.agrees()).isTrue();
    }

    @Test
    void anyDifferenceAboveItsToleranceIsADisagreement() {
        BackendTrajectory ref = run("a", 3.0, 3.1, new double[] {3.0, 2.0}, 0.5f);
        BackendTrajectory late = run("b", 3.0, 3.1, new double[] {3.0, 2.002}, 0.5f);
        BackendTrajectory start = run("c", 3.0 + 2e-5, 3.1, new double[] {3.0, 2.0}, 0.5f);
        assertThat(Agreement.of(List.of(ref, late), Tolerances.defaults()).agrees()).isFalse();
        assertThat(Agreement.of(List.of(ref, start), Tolerances.defaults()).agrees()).isFalse();
        assertThat(Agreement.of(List.of(ref, late), new Tolerances(1e-5, 1e-2, 1e-2)).agrees()).isTrue();
    }

    @Test
    void aNonFiniteLossNeverAgrees() {
        BackendTrajectory ref = run("a", 3.0, 3.1, new double[] {3.0, 2.0, 1.0}, 0.5f);
        BackendTrajectory nan = run("b", 3.0, 3.1, new double[] {3.0, Double.NaN, 1.0}, 0.5f);
        Agreement a = Agreement.of(List.of(ref, nan), Tolerances.defaults());
        assertThat(a.agrees()).isFalse();
        assertThat(a.checks().get(2).where()).isEqualTo("step 2");
        assertThat(a.maxAbsolutePerStep()[1]).isNaN();
    }

    @Test
    void needsTwoRunsOfTheSameLength() {
        BackendTrajectory ref = run("a", 3.0, 3.1, new double[] {3.0, 2.0}, 0.5f);
        assertThatThrownBy(() -> Agreement.of(List.of(ref), Tolerances.defaults()))
                .hasMessageContaining("at least two backends");
        assertThatThrownBy(() -> Agreement.of(List.of(ref, run("b", 3, 3, new double[] {3}, 0.5f)),
                Tolerances.defaults())).hasMessageContaining("ran 1 steps, not 2");
        assertThatThrownBy(() -> new Tolerances(0, 1, 1)).hasMessageContaining("positive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesTheJsonWithToleranceVerdictAndPerStepRowsAndThePlot() throws Exception {
        BackendTrajectory ref = run("a", 3.0, 3.1, new double[] {3.0, 2.0}, 0.5f);
        BackendTrajectory b = run("b", 3.0, 3.1, new double[] {3.0, 2.01}, 0.5f);
        Agreement a = Agreement.of(List.of(ref, b), Tolerances.defaults());
        Crosscheck.write(tmp, TrialSpecs.defaults(ModelKind.GPT), a);

        Map<String, Object> json = Json.read(tmp.resolve(Crosscheck.JSON), Map.class);
        assertThat(json.get("agree")).isEqualTo(false);
        assertThat(json.get("backends")).isEqualTo(List.of("a", "b"));
        assertThat(json.get("reference_backend")).isEqualTo("a");
        assertThat((Map<String, Object>) json.get("tolerances")).containsEntry("step0_loss_abs", 1e-5)
                .containsEntry("step_loss_abs", 1e-3);
        assertThat((List<?>) json.get("per_step")).hasSize(2);
        assertThat(((Map<?, ?>) json.get("largest")).get("loss_abs")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isCloseTo(0.01, within(1e-9));
        assertThat(((Map<?, ?>) json.get("config")).get("model")).isEqualTo("gpt");
        byte[] png = Files.readAllBytes(tmp.resolve(Crosscheck.PLOT));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(tmp.resolve(Crosscheck.PLOT_SVG))).contains("<svg");
        assertThat(CrosscheckReport.summary(a)).contains("DISAGREE").contains("step 2");
    }
}
