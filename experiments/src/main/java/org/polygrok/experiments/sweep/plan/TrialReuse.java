package org.polygrok.experiments.sweep.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Finds a trial already DONE in another experiment of the same results folder (same id = same
 * computation, e.g. data-scaling r_train 0.5 and the sanity defaults) and copies it in, so the same
 * trial is not trained twice. The copy is staged beside the target and renamed into place, with its
 * config.json naming this experiment and setting.
 */
public final class TrialReuse {
    private TrialReuse() {
    }

    /** Copies a DONE twin of {@code trial} from a sibling experiment; true if one was found. */
    public static boolean copyFromSibling(SweepTrial trial, Path out) {
        Optional<Path> twin = findDoneTwin(trial, out);
        if (twin.isEmpty()) {
            return false;
        }
        Path target = trial.dir();
        Path staging = target.resolveSibling("." + trial.id() + ".copy");
        try {
            TrialDirectory.deleteTree(staging);
            copyTree(twin.get(), staging);
            TrialConfig original = new TrialDirectory(twin.get()).readConfig();
            Map<String, Object> mine = new LinkedHashMap<>();
            mine.put("experiment", trial.config().experiment());
            mine.put("setting", trial.config().setting());
            new TrialDirectory(staging).writeConfig(original.with(mine));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the finished trial " + twin.get() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A DONE trial folder of another experiment under {@code out} that computes the same as {@code trial}
     * (same hash; the readable prefix differs between experiments), if any.
     */
    public static Optional<Path> findDoneTwin(SweepTrial trial, Path out) {
        Path own = trial.dir().toAbsolutePath().normalize();
        String suffix = "-" + TrialId.hash(trial.config());
        List<Path> candidates = new java.util.ArrayList<>();
        try (Stream<Path> experiments = Files.list(out)) {
            for (Path trials : experiments.map(e -> e.resolve(SweepPlanner.TRIALS)).filter(Files::isDirectory).toList()) {
                try (Stream<Path> dirs = Files.list(trials)) {
                    dirs.filter(d -> d.getFileName().toString().endsWith(suffix)).forEach(candidates::add);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return candidates.stream().map(d -> d.toAbsolutePath().normalize()).filter(d -> !d.equals(own))
                .filter(d -> new TrialDirectory(d).holdsTrial()
                        && new TrialDirectory(d).readStatus().map(TrialStatus::isDone).orElse(false))
                .filter(d -> new TrialDirectory(d).readConfig().differencesFrom(trial.config()).isEmpty())
                .sorted().findFirst();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Path q = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(q);
            } else {
                Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
