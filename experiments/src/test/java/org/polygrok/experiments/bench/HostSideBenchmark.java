package org.polygrok.experiments.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.polygrok.api.HostArray;
import org.polygrok.api.train.Batch;
import org.polygrok.experiments.data.MaskRule;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.metrics.ParamNorm;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrainBatchSampler;
import org.polygrok.experiments.train.TrialSpecs;

/**
 * JMH: the Java-side work around every engine call at the default setting (GPT, p = 31, full batch of
 * 480) — drawing a batch, building the evaluation batches, ‖θ‖₂ over the weights — to show it is
 * negligible next to a training step (tens of milliseconds). Not a unit test; run it with
 * {@code java -cp <experiments test classpath> org.polygrok.experiments.bench.HostSideBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HostSideBenchmark {
    private PreparedTrial trial;
    private SampleSet train;
    private SampleSet val;
    private TrainBatchSampler sampler;
    private Map<String, HostArray> weights;

    @Setup
    public void setUp() {
        trial = PreparedTrial.prepare(TrialSpecs.defaults(ModelKind.GPT));
        train = trial.dataset().train();
        val = trial.dataset().validation();
        sampler = new TrainBatchSampler(trial.plan(), 42);
        weights = trial.initialWeights();
    }

    /** One step's batch: the sampler's positions and the (480, 6) tokens, targets and weights. */
    @Benchmark
    public Batch trainingBatch() {
        return train.batch(sampler.next(), MaskRule.DEFAULT);
    }

    /** The two batches of a full evaluation (480 train + 481 validation samples). */
    @Benchmark
    public int evaluationBatches() {
        return train.batch(0, train.size(), MaskRule.DEFAULT).size() + val.batch(0, val.size(), MaskRule.DEFAULT).size();
    }

    /** ‖θ‖₂ over the default GPT's weights (logged at every evaluation). */
    @Benchmark
    public double parameterNorm() {
        return ParamNorm.of(weights);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(HostSideBenchmark.class.getSimpleName()).build()).run();
    }
}
