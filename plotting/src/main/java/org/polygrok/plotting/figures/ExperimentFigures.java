package org.polygrok.plotting.figures;

import java.util.ArrayList;
import java.util.List;
import org.polygrok.plotting.PlotOptions;
import org.polygrok.plotting.results.ExperimentFolder;
import org.polygrok.plotting.results.SummaryRow;
import org.polygrok.plotting.results.Trial;

/**
 * Every figure of one experiment, chosen from what its files hold: attention maps (Q8); learning curves
 * when nothing is swept (Q1), plus per-order curves when binary/ternary metrics were logged (Q4); sweep
 * curves and metric-vs-setting figures when something is swept (Q3, Q5, Q6, Q7). One set per backend and
 * model.
 */
public final class ExperimentFigures {

    private ExperimentFigures() {
    }

    public static List<NamedDrawing> of(ExperimentFolder e, PlotOptions options) {
        List<NamedDrawing> out = new ArrayList<>();
        e.attention().forEach(a -> out.addAll(AttentionFigures.of(e.spec(), a)));
        for (String backend : e.backends()) {
            for (String model : e.models()) {
                List<Trial> trials = e.trials().stream()
                        .filter(t -> t.config().backend().equals(backend) && t.config().model().equals(model))
                        .filter(t -> !t.failed() && t.metrics().size() > 0).toList();
                List<SummaryRow> rows = e.summary().stream()
                        .filter(r -> r.backend().equals(backend) && r.model().equals(model)).toList();
                out.addAll(forModel(e, backend, model, trials, rows, options));
            }
        }
        return out;
    }

    private static List<NamedDrawing> forModel(ExperimentFolder e, String backend, String model, List<Trial> trials,
                                               List<SummaryRow> rows, PlotOptions options) {
        List<NamedDrawing> out = new ArrayList<>();
        if (e.spec().sweep().isEmpty()) {
            if (!trials.isEmpty()) {
                out.addAll(LearningCurves.overall(e.spec(), backend, model, trials, options));
                if (SeedAverage.logged(trials, "train_binary_loss")) {
                    out.addAll(LearningCurves.byOrder(e.spec(), backend, model, trials, options));
                }
            }
            return out;
        }
        if (!trials.isEmpty()) {
            out.addAll(SweepCurves.of(e.spec(), backend, model, trials, options));
        }
        out.addAll(MetricFigures.of(e.spec(), backend, model, rows));
        return out;
    }
}
