package org.polygrok.experiments.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One measured (backend, model): milliseconds per training step after warm-up (median, p10, p90), per full
 * evaluation pass over train + val (median), the process's peak resident memory, the engine's thread
 * setting and the process's thread count, and the CPU time the process spent per step (median; all its
 * threads; steadier than wall time on a busy machine; null for the baseline). Backend {@code torch} is the PyTorch baseline.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchRow(String backend, String engine, String model, int batch, int steps, int warmup,
        double stepMsMedian, double stepMsP10, double stepMsP90, double evalMsMedian, double peakRssMb,
        Integer threads, Integer osThreads, Double lossStep0, Long pid, Double stepCpuMsMedian) {
}
