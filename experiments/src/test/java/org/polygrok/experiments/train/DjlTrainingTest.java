package org.polygrok.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polygrok.api.Backend;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/** Real training on DJL with small settings: learning, exact resume, failure on a non-finite loss. */
class DjlTrainingTest {
    private static Backend backend;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() {
        backend = DjlTrials.backend();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void smallModelsLearnTheTrainingSet(ModelKind model) {
        Path dir = tmp.resolve(model.label());
        TrialConfig config = DjlTrials.small(model, Map.of("dim", model == ModelKind.LSTM ? 64 : 32));
        TrialStatus status = DjlTrials.run(backend, config, dir, 1000, ProgressListener.SILENT);
        assertThat(status).isEqualTo(TrialStatus.done(300));
        List<MetricsRecord> m = new TrialDirectory(dir).readMetrics();
        MetricsRecord first = m.get(0);
        MetricsRecord last = m.get(m.size() - 1);
        assertThat(m).extracting(MetricsRecord::step).startsWith(0L, 1L, 2L, 3L, 4L, 5L, 25L).endsWith(300L, 301L);
        assertThat(first.trainLoss()).isBetween(1.5, 5.0); // about ln V = ln 16 at the start
        assertThat(last.trainLoss()).isLessThan(first.trainLoss() / 4);
        assertThat(last.trainAccuracy()).isGreaterThanOrEqualTo(0.9).isGreaterThan(first.trainAccuracy());
        assertThat(last.paramNorm()).isPositive().isNotEqualTo(first.paramNorm());
        assertThat(m.get(m.size() - 2).trainLoss()).isEqualTo(last.trainLoss()); // the final extra evaluation
        assertThat(Files.exists(dir.resolve("summary.json"))).isTrue();
        Map<?, ?> summary = Json.read(dir.resolve("summary.json"), Map.class);
        assertThat(((Number) summary.get("A_train")).doubleValue()).isEqualTo(
                m.stream().mapToDouble(MetricsRecord::trainAccuracy).max().orElseThrow());
        assertThat(((Number) summary.get("steps")).longValue()).isEqualTo(301);
    }

    @Test
    void aResumedRunLogsTheSameMetricsAsAnUninterruptedOne() {
        TrialConfig config = DjlTrials.small(ModelKind.GPT, Map.of("steps", 40, "eval_first", 3, "eval_period", 5,
                "train_batch_size", 16)); // 4 batches per epoch: the sampler state matters
        Path whole = tmp.resolve("whole");
        assertThat(DjlTrials.run(backend, config, whole, 10, ProgressListener.SILENT).status())
                .isEqualTo(TrialStatus.State.DONE);

        Path broken = tmp.resolve("broken");
        ProgressListener crashAt27 = new ProgressListener() {
            @Override
            public void stepped(String trial, long step, double loss) {
                if (step == 27) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        assertThatThrownBy(() -> DjlTrials.run(backend, config, broken, 10, crashAt27)).hasMessage("simulated crash");
        TrialDirectory b = new TrialDirectory(broken);
        assertThat(b.readStatus()).contains(TrialStatus.failed(27, "simulated crash"));
        assertThat(b.loadCheckpoint().orElseThrow().step()).isEqualTo(20);
        assertThat(b.readMetrics().get(b.readMetrics().size() - 1).step()).isEqualTo(25);

        assertThat(DjlTrials.run(backend, config, broken, 10, ProgressListener.SILENT)).isEqualTo(TrialStatus.done(40));
        assertThat(withoutTimes(b.readMetrics())).isEqualTo(withoutTimes(new TrialDirectory(whole).readMetrics()));
        assertThat(Json.read(broken.resolve("summary.json"), Map.class))
                .isEqualTo(Json.read(whole.resolve("summary.json"), Map.class));
    }

    @Test
    void aNonFiniteLossEndsTheRunFailedWithItsStep() {
        // every update moves each weight by about lr: the logits overflow after the first step
        TrialConfig config = DjlTrials.small(ModelKind.GPT, Map.of("lr", 1e38, "weight_decay", 0.0, "steps", 50,
                "eval_first", 0, "eval_period", 1000));
        Path dir = tmp.resolve("nan");
        TrialStatus status = DjlTrials.run(backend, config, dir, 1000, ProgressListener.SILENT);
        assertThat(status).isEqualTo(TrialStatus.failed(1, "the evaluated loss is not finite at step 1"));
        assertThat(new TrialDirectory(dir).readStatus()).contains(status);
        List<MetricsRecord> m = new TrialDirectory(dir).readMetrics();
        assertThat(m).extracting(MetricsRecord::step).containsExactly(0L, 1L);
        assertThat(m.get(1).trainLoss()).isNaN();
        assertThat(dir.resolve("summary.json")).doesNotExist();
    }

    @Test
    void mixedOrdersLogPerOrderMetricsAndTheLegacyMaskChangesOnlyBinaryLosses() {
        Map<String, Object> q4 = Map.of("p", 5, "orders", List.of(2, 3), "split", "per-order", "steps", 3,
                "eval_first", 3);
        Path plain = tmp.resolve("q4");
        Path legacy = tmp.resolve("q4-legacy");
        assertThat(DjlTrials.run(backend, DjlTrials.small(ModelKind.LSTM, q4), plain, 1000, ProgressListener.SILENT)
                .status()).isEqualTo(TrialStatus.State.DONE);
        TrialConfig legacyConfig = DjlTrials.small(ModelKind.LSTM, q4).with("legacy_mask", true);
        assertThat(DjlTrials.run(backend, legacyConfig, legacy, 1000, ProgressListener.SILENT).status())
                .isEqualTo(TrialStatus.State.DONE);
        MetricsRecord a = new TrialDirectory(plain).readMetrics().get(0);
        MetricsRecord b = new TrialDirectory(legacy).readMetrics().get(0);
        // p = 5: 25 binary rows split 12/13, 125 ternary rows split 62/63
        assertThat(a.trainLoss()).isCloseTo((12 * a.trainBinaryLoss() + 62 * a.trainTernaryLoss()) / 74,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(a.valAccuracy()).isCloseTo((13 * a.valBinaryAccuracy() + 63 * a.valTernaryAccuracy()) / 76,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(b.trainTernaryLoss()).isCloseTo(a.trainTernaryLoss(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(b.trainBinaryLoss()).isNotCloseTo(a.trainBinaryLoss(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(Json.read(plain.resolve("summary.json"), Map.class)).containsKeys("binary_L_train",
                "ternary_t_f_A_val");
    }

    @Test
    void evaluationInSmallChunksEqualsOneBatch() {
        TrialConfig config = DjlTrials.small(ModelKind.GPT, Map.of());
        PreparedTrial trial = PreparedTrial.prepare(config);
        try (var session = backend.newTrainSession(trial.model(), trial.initialWeights(), TrialSpecs.train(config))) {
            var whole = new Evaluator(4096, TrialSpecs.maskRule(config), false).evaluate(session, trial.dataset().validation());
            var chunked = new Evaluator(7, TrialSpecs.maskRule(config), false).evaluate(session, trial.dataset().validation());
            assertThat(chunked.loss()).isCloseTo(whole.loss(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(chunked.accuracy()).isEqualTo(whole.accuracy());
        }
    }

    private static List<MetricsRecord> withoutTimes(List<MetricsRecord> records) {
        return records.stream().map(r -> r.withElapsedS(0)).toList();
    }
}
