package org.polygrok.nd4j;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.GPT;
import org.polygrok.api.model.GptConfig;
import org.polygrok.api.model.LSTMLM;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.LstmConfig;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * A developer's timing of ND4J training steps (not a test): the default task and models, batches of
 * B rows of the 480 training samples, 2 threads unless told; prints the median (and least) wall ms per step and
 * the mean process-CPU ms per step.
 * Run from the module's test class path: {@code StepTiming [lstm|gpt ...] [B ...] [steps] [threads]}, e.g.
 * {@code java -cp ... org.polygrok.nd4j.StepTiming lstm,gpt 32,480 60}.
 */
public final class StepTiming {
    private static final int WARMUP = 10;

    private StepTiming() {
    }

    public static void main(String[] args) {
        String[] models = (args.length > 0 ? args[0] : "lstm,gpt").split(",");
        int[] batches = Arrays.stream((args.length > 1 ? args[1] : "32,128,480").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Batch all = new DefaultTask(42).train();
        try (Nd4jBackend backend = (Nd4jBackend) new Nd4jBackendProvider().create(new BackendOptions(threads, false))) {
            for (String kind : models) {
                LanguageModel model = kind.equals("gpt")
                        ? new GPT(GptConfig.defaults(DefaultTask.VOCAB, DefaultTask.SEQUENCE))
                        : new LSTMLM(LstmConfig.defaults(DefaultTask.VOCAB));
                Map<String, HostArray> weights = WeightInit.initialWeights(model, 42);
                for (int b : batches) {
                    try (TrainSession session = backend.newTrainSession(model, weights, TrainSpec.defaults())) {
                        time(kind, b, steps, session, all);
                    }
                }
            }
        }
    }

    private static void time(String kind, int b, int steps, TrainSession session, Batch all) {
        int n = all.size();
        double[] wall = new double[steps];
        float loss = 0;
        long cpu0 = 0;
        for (int i = -WARMUP; i < steps; i++) {
            Batch batch = rows(all, Math.floorMod((long) i * b, n), b);
            if (i == 0) {
                cpu0 = cpuNanos();
            }
            long t0 = System.nanoTime();
            loss = session.step(batch);
            if (i >= 0) {
                wall[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double cpuMs = (cpuNanos() - cpu0) / 1e6 / steps; // the process clock ticks in 10 ms: a mean over all steps
        System.out.printf("%-4s B=%-4d step %7.2f ms (min %6.2f)  cpu %7.2f ms  (last loss %.5f)%n", kind, b,
                median(wall), Arrays.stream(wall).min().orElse(0), cpuMs, loss);
    }

    /** Rows start, start+1, ... (wrapping) of {@code all}. */
    private static Batch rows(Batch all, long start, int b) {
        int s = (int) all.tokens().shape()[1];
        int n = all.size();
        int[] tokens = new int[b * s];
        int[] targets = new int[b * s];
        float[] rhs = new float[b * s];
        for (int r = 0; r < b; r++) {
            int from = (int) ((start + r) % n) * s;
            System.arraycopy(all.tokens().ints(), from, tokens, r * s, s);
            System.arraycopy(all.targets().ints(), from, targets, r * s, s);
            System.arraycopy(all.rhsWeights().floats(), from, rhs, r * s, s);
        }
        return new Batch(HostArray.ofInts(tokens, b, s), HostArray.ofInts(targets, b, s), HostArray.of(rhs, b, s));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
