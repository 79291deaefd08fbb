package org.polygrok.experiments.train;

/**
 * How many optimizer steps a run takes (PROTOCOL §5.3 and §5.7): batches of
 * min(B, N_train), and the requested step count rounded up to whole epochs.
 */
public record StepPlan(int trainSize, int batchSize, int batchesPerEpoch, long epochs, long effectiveSteps) {

    public static StepPlan of(int trainSize, int requestedBatchSize, long requestedSteps) {
        if (trainSize < 1) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (requestedBatchSize < 1) {
            throw new IllegalArgumentException("the train batch size must be at least 1, got " + requestedBatchSize);
        }
        if (requestedSteps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + requestedSteps);
        }
        int b = Math.min(requestedBatchSize, trainSize);
        int perEpoch = (trainSize + b - 1) / b;
        long epochs = (requestedSteps + perEpoch - 1) / perEpoch;
        return new StepPlan(trainSize, b, perEpoch, epochs, epochs * perEpoch);
    }

    /** The reference's epoch of a logged step: 0 before training, the 1-based epoch of a step, the last epoch after. */
    public long epochOf(long step) {
        if (step <= 0) {
            return 0;
        }
        if (step > effectiveSteps) {
            return epochs;
        }
        return (step - 1) / batchesPerEpoch + 1;
    }
}
