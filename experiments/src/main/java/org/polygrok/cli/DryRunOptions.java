package org.polygrok.cli;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.polygrok.experiments.cost.CostProbe;
import org.polygrok.experiments.cost.StudyEstimate;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepPlanText;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --dry-run} and {@code --no-estimate}, shared by {@code run} and {@code sweep}: the plan and its expected wall time. */
final class DryRunOptions {
    @Option(names = "--dry-run", description = "Print what would be trained (trials, steps, batch, evaluations per "
            + "model and setting) and its expected wall time on this machine, from a short measured probe of every "
            + "distinct trial shape (a few steps and one evaluation each), and exit; writes nothing.")
    boolean dryRun;

    @Option(names = "--no-estimate", description = "With --dry-run: print the plan only, without probing its wall time.")
    boolean noEstimate;

    /** Prints the plans (and, unless --no-estimate, their measured wall-time estimate); writes nothing. */
    int print(CommandLine cl, List<SweepPlan> plans) {
        cl.getOut().print(SweepPlanText.format(plans));
        if (!noEstimate) {
            double processStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
            StudyEstimate estimate = new StudyEstimate(CostProbe::measure, processStartMs,
                    Runtime.getRuntime().availableProcessors());
            List<StudyEstimate.Line> lines = estimate.estimate(plans, cl.getErr()::println);
            cl.getOut().print(StudyEstimate.format(lines));
        }
        cl.getOut().flush();
        return 0;
    }
}
