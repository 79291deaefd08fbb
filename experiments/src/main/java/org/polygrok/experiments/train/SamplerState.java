package org.polygrok.experiments.train;

/**
 * Where a {@link TrainBatchSampler} stands: its seed, how many epoch permutations it has drawn and
 * which batch of the current epoch comes next. Enough to rebuild it exactly.
 */
public record SamplerState(long seed, long permutationsDrawn, int nextBatch) {
}
