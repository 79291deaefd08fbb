package org.polygrok.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Kills a quick sweep (SIGKILL of its whole process group) at seeded random moments and resumes it after each
 * kill, checking the folder the kill left and the step each trial continues from; a sweep that finishes between
 * two kills is compared with an uninterrupted run and started afresh. The same seed replays the same delays.
 */
final class KillHarness {
    /** "ID: training, steps 1..N" or "ID: continuing, steps C+1..N" as the sweep logs a trial's start. */
    private static final Pattern STARTED = Pattern.compile("^(\\S+): (training|continuing), steps (\\d+)\\.\\.(\\d+)$");
    private static final int CHECKPOINT_PERIOD = 10;

    private final Path work;
    private final String[] sweepArgs;
    private final Path reference;
    private final Path killed;

    /** One kill: when, what the sweep was doing, what the folder held, and what was wrong (nothing, we hope). */
    record Kill(int number, long delayMs, String phase, int trialsRunning, String checkpoints, String midWrite,
            List<String> problems) {
    }

    /** A whole run: the kills, the sweeps that finished in between, the resumes checked, and every problem found. */
    record Report(long seed, long referenceMs, List<Kill> kills, int completions, int resumesChecked,
            List<String> problems) {
        String table() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "seed %d; uninterrupted sweep %.1f s; %d kills; %d finished sweeps "
                    + "compared with it; %d trial restarts checked against their checkpoints; %d problems%n%n", seed,
                    referenceMs / 1000.0, kills.size(), completions, resumesChecked, problems.size()));
            s.append("| # | after s | sweep was | trials running | checkpoints (step per trial) | caught mid-write | "
                    + "problems |\n|---:|---:|---|---:|---|---|---|\n");
            for (Kill k : kills) {
                s.append(String.format(Locale.ROOT, "| %d | %.1f | %s | %d | %s | %s | %s |%n", k.number(),
                        k.delayMs() / 1000.0, k.phase(), k.trialsRunning(), k.checkpoints(), k.midWrite(),
                        k.problems().isEmpty() ? "none" : String.join("; ", k.problems())));
            }
            return s.toString();
        }
    }

    /** @param sweepArgs a {@code polygrok run} command line without --out (the harness adds it) */
    KillHarness(Path work, String... sweepArgs) {
        this.work = work;
        this.sweepArgs = sweepArgs;
        this.reference = work.resolve("uninterrupted");
        this.killed = work.resolve("killed");
    }

    Report run(int kills, long seed) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process whole = Cli.start(work.resolve("uninterrupted.log"), CHECKPOINT_PERIOD, args(reference));
        if (whole.waitFor() != 0) {
            throw new IllegalStateException("the uninterrupted sweep failed: "
                    + Files.readString(work.resolve("uninterrupted.log")));
        }
        long referenceMs = (System.nanoTime() - t0) / 1_000_000;
        ResultsTree ref = new ResultsTree(reference);
        Random random = new Random(seed);
        List<Kill> done = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Long> expectedStart = new TreeMap<>(); // trial -> the checkpoint step it must continue from
        int completions = 0;
        int resumesChecked = 0;
        int round = 0;
        while (done.size() < kills) {
            round++;
            long delay = (long) (random.nextDouble() * referenceMs);
            Path log = work.resolve("round-" + round + ".log");
            Process sweep = Cli.start(log, CHECKPOINT_PERIOD, args(killed));
            boolean ended = sweep.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!ended) {
                ProcessGroups.killTree(sweep);
            }
            resumesChecked += checkStarts(log, expectedStart, problems, round);
            expectedStart.clear();
            ResultsTree tree = new ResultsTree(killed);
            if (ended) {
                completions++;
                problems.addAll(compare(sweep.exitValue(), tree, ref, round));
                deleteTree(killed); // start afresh, so that later kills again meet every phase of a sweep
                continue;
            }
            List<String> found = tree.problems(ref);
            problems.addAll(found.stream().map(p -> "kill " + (done.size() + 1) + ": " + p).toList());
            Map<String, Long> checkpoints = tree.checkpointSteps();
            Map<String, java.util.Optional<TrialStatus>> statuses = tree.statuses();
            int running = 0;
            for (Map.Entry<String, java.util.Optional<TrialStatus>> s : statuses.entrySet()) {
                boolean finished = s.getValue().map(r -> r.status() == TrialStatus.State.DONE).orElse(false);
                if (!finished) {
                    running++;
                    expectedStart.put(s.getKey().substring(s.getKey().indexOf('/') + 1), checkpoints.get(s.getKey()));
                }
            }
            done.add(new Kill(done.size() + 1, delay, phase(tree, statuses), running, checkpoints.values().toString(),
                    midWrite(tree), found));
        }
        Process last = Cli.start(work.resolve("final.log"), CHECKPOINT_PERIOD, args(killed));
        int code = last.waitFor();
        resumesChecked += checkStarts(work.resolve("final.log"), expectedStart, problems, round + 1);
        problems.addAll(compare(code, new ResultsTree(killed), ref, round + 1));
        completions++;
        return new Report(seed, referenceMs, done, completions, resumesChecked, problems);
    }

    private String[] args(Path out) {
        List<String> a = new ArrayList<>(List.of(sweepArgs));
        a.add("--out=" + out);
        return a.toArray(String[]::new);
    }

    /** A finished sweep against the uninterrupted one: exit 0, same summaries, same metrics, all DONE, no litter. */
    private static List<String> compare(int exitCode, ResultsTree got, ResultsTree want, int round) throws IOException {
        List<String> p = new ArrayList<>();
        if (exitCode != 0) {
            p.add("round " + round + ": the finishing sweep exited with " + exitCode);
        }
        if (!got.summaries().equals(want.summaries())) {
            p.add("round " + round + ": the summaries differ from the uninterrupted sweep's");
        }
        if (!got.metrics().equals(want.metrics())) {
            p.add("round " + round + ": the metrics differ from the uninterrupted sweep's");
        }
        if (!got.statuses().equals(want.statuses())) {
            p.add("round " + round + ": the statuses differ: " + got.statuses());
        }
        if (!got.leftovers().isEmpty()) {
            p.add("round " + round + ": left behind " + got.leftovers());
        }
        return p;
    }

    /**
     * Checks that every trial the sweep of {@code log} started again continued from the checkpoint the kill left
     * (not from an earlier step: nothing trained twice past its checkpoint); returns how many starts it checked.
     */
    private static int checkStarts(Path log, Map<String, Long> expected, List<String> problems, int round)
            throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = STARTED.matcher(line.strip());
            if (m.matches() && expected.containsKey(m.group(1))) {
                long from = Long.parseLong(m.group(3)) - 1;
                checked++;
                if (from != expected.get(m.group(1))) {
                    problems.add("round " + round + ": " + m.group(1) + " continued from step " + from
                            + ", not from its checkpoint at step " + expected.get(m.group(1)));
                }
            }
        }
        return checked;
    }

    private static String phase(ResultsTree tree, Map<String, java.util.Optional<TrialStatus>> statuses)
            throws IOException {
        if (tree.experiments().isEmpty()) {
            return "starting";
        }
        if (statuses.isEmpty()) {
            return "planning";
        }
        boolean allDone = statuses.values().stream()
                .allMatch(s -> s.map(r -> r.status() == TrialStatus.State.DONE).orElse(false));
        if (!allDone) {
            return "training";
        }
        return tree.summaries().isEmpty() ? "summarising" : "drawing figures";
    }

    /** Which writes the kill interrupted, as the folder shows them. */
    private static String midWrite(ResultsTree tree) throws IOException {
        List<String> what = new ArrayList<>();
        for (Path p : tree.leftovers()) {
            String n = p.getFileName().toString();
            what.add(n.endsWith(".tmp") ? "temp file " + n.replaceAll("\\d+\\.tmp$", "*.tmp") : n);
        }
        if (tree.hasTornMetricsLine()) {
            what.add("torn metrics line");
        }
        return what.isEmpty() ? "-" : String.join(", ", what.stream().distinct().toList());
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
