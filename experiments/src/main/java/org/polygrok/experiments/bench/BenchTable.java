package org.polygrok.experiments.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The side-by-side table of a benchmark: one line per (model, backend) with the step and evaluation
 * times, peak memory and threads, and ratios to the PyTorch baseline of the same model (or, without a
 * baseline, to the first backend measured for it).
 */
public final class BenchTable {
    private BenchTable() {
    }

    public static String format(List<BenchRow> rows) {
        StringBuilder s = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-5s %-6s %5s %10s %17s %8s %10s %9s %7s %7s %7s %7s",
                "model", "backend", "batch", "step ms", "p10-p90", "cpu ms", "eval ms", "RSS MB", "threads",
                "step x", "eval x", "RSS x");
        s.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        List<String> models = rows.stream().map(BenchRow::model).distinct().toList();
        for (String model : models) {
            List<BenchRow> group = rows.stream().filter(r -> r.model().equals(model)).toList();
            BenchRow ref = reference(group);
            for (BenchRow r : group) {
                s.append(String.format(Locale.ROOT, "%-5s %-6s %5d %10.1f %17s %8s %10.1f %9.0f %7s %7.2f %7.2f %7.2f%n",
                        r.model(), r.backend(), r.batch(), r.stepMsMedian(),
                        String.format(Locale.ROOT, "%.1f-%.1f", r.stepMsP10(), r.stepMsP90()),
                        r.stepCpuMsMedian() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.stepCpuMsMedian()),
                        r.evalMsMedian(),
                        r.peakRssMb(), threads(r), r.stepMsMedian() / ref.stepMsMedian(),
                        r.evalMsMedian() / ref.evalMsMedian(), r.peakRssMb() / ref.peakRssMb()));
            }
        }
        String base = rows.stream().anyMatch(r -> r.backend().equals("torch")) ? "the torch baseline"
                : "the first backend";
        s.append("ratios (x) are to ").append(base).append(" of the same model, lower is better; threads: the engine's "
                + "setting / all threads of the measured process; cpu ms: CPU time of the process per step (all threads)");
        return s.toString();
    }

    private static BenchRow reference(List<BenchRow> group) {
        Optional<BenchRow> torch = group.stream().filter(r -> r.backend().equals("torch")).findFirst();
        return torch.orElse(group.get(0));
    }

    private static String threads(BenchRow r) {
        String engine = r.threads() == null ? "?" : r.threads().toString();
        return r.osThreads() == null ? engine : engine + "/" + r.osThreads();
    }
}
