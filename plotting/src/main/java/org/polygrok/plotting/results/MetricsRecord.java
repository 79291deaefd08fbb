package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One evaluation: a line of {@code metrics.jsonl} (docs/RESULTS.md). Per-order fields are null unless orders mix. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"step", "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "param_norm",
    "num_params", "elapsed_s"})
public record MetricsRecord(long step, long epoch, double trainLoss, double trainAccuracy, double valLoss,
        double valAccuracy, double paramNorm, long numParams, double elapsedS,
        Double trainBinaryLoss, Double trainBinaryAccuracy, Double trainTernaryLoss, Double trainTernaryAccuracy,
        Double valBinaryLoss, Double valBinaryAccuracy, Double valTernaryLoss, Double valTernaryAccuracy) {

    public boolean hasOrderMetrics() {
        return trainBinaryLoss != null || trainTernaryLoss != null || valBinaryLoss != null || valTernaryLoss != null;
    }

    /** The same record with another elapsed time (to compare runs regardless of speed). */
    public MetricsRecord withElapsedS(double seconds) {
        return new MetricsRecord(step, epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, paramNorm, numParams,
                seconds, trainBinaryLoss, trainBinaryAccuracy, trainTernaryLoss, trainTernaryAccuracy, valBinaryLoss,
                valBinaryAccuracy, valTernaryLoss, valTernaryAccuracy);
    }
}
