package org.polygrok.experiments.train;

import java.util.Arrays;
import org.polygrok.api.random.Mt19937;

/**
 * The training batches of every backend: each epoch a fresh permutation of the training set from one
 * {@link Mt19937} seeded with the run seed, cut into batches of {@link StepPlan#batchSize()} (the last
 * one may be smaller), as the reference's shuffling DataLoader. Deterministic and checkpointable.
 */
public final class TrainBatchSampler {
    private final StepPlan plan;
    private final long seed;
    private final Mt19937 random;
    private int[] permutation;
    private long permutationsDrawn;
    private int nextBatch;

    public TrainBatchSampler(StepPlan plan, long seed) {
        this.plan = plan;
        this.seed = seed;
        this.random = new Mt19937(seed);
    }

    /** A sampler in the state {@code state}, rebuilt by replaying its draws. */
    public static TrainBatchSampler restore(StepPlan plan, SamplerState state) {
        if (state.nextBatch() < 0 || state.nextBatch() > plan.batchesPerEpoch()
                || state.permutationsDrawn() < 0 || state.permutationsDrawn() == 0 && state.nextBatch() != 0) {
            throw new IllegalArgumentException("the checkpoint's sampler state " + state + " does not fit "
                    + plan.batchesPerEpoch() + " batches per epoch");
        }
        TrainBatchSampler s = new TrainBatchSampler(plan, state.seed());
        for (long e = 0; e < state.permutationsDrawn(); e++) {
            s.drawPermutation();
        }
        s.nextBatch = state.nextBatch();
        return s;
    }

    /** Positions (indices into the training set) of the next step's batch. */
    public int[] next() {
        if (permutation == null || nextBatch == plan.batchesPerEpoch()) {
            drawPermutation();
        }
        int from = nextBatch * plan.batchSize();
        int to = Math.min(from + plan.batchSize(), plan.trainSize());
        nextBatch++;
        return Arrays.copyOfRange(permutation, from, to);
    }

    private void drawPermutation() {
        permutation = random.permutation(plan.trainSize());
        permutationsDrawn++;
        nextBatch = 0;
    }

    public SamplerState state() {
        return new SamplerState(seed, permutationsDrawn, nextBatch);
    }
}
