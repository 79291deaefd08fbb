package org.polygrok.experiments.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.io.SafeTensors;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.experiments.data.ArithmeticDataset;
import org.polygrok.plotting.results.TrialConfig;

/**
 * A trial checked and ready to run, built before anything is written: its dataset, model, step plan,
 * evaluation schedule and initial weights (seeded, or imported and validated against the model).
 */
public record PreparedTrial(TrialConfig config, ArithmeticDataset dataset, LanguageModel model, StepPlan plan,
        EvaluationSchedule schedule, Evaluator evaluator, Map<String, HostArray> initialWeights) {

    /**
     * Validates every setting and builds the trial.
     *
     * @throws IllegalArgumentException with one sentence for the first problem found
     */
    public static PreparedTrial prepare(TrialConfig config) {
        TrialSpecs.optimizer(config); // rejects an unknown optimizer or invalid hyper-parameters
        ArithmeticDataset dataset = ArithmeticDataset.build(TrialSpecs.dataset(config));
        LanguageModel model = Models.create(config, dataset);
        StepPlan plan = StepPlan.of(dataset.train().size(), config.trainBatchSize(), config.steps());
        EvaluationSchedule schedule = new EvaluationSchedule(plan.effectiveSteps(), config.evalFirst(),
                config.evalPeriod());
        Evaluator evaluator = new Evaluator(config.evalBatchSize(), TrialSpecs.maskRule(config), dataset.spec().mixedOrders());
        if (config.clipNorm() < 0 || !Double.isFinite(config.clipNorm())) {
            throw new IllegalArgumentException("the gradient clip norm must be finite and >= 0, got " + config.clipNorm());
        }
        Map<String, HostArray> weights;
        TrialConfig recorded = config;
        if (config.initWeights() != null) {
            Path file = Path.of(config.initWeights());
            weights = readWeights(file);
            try {
                WeightInit.validate(model, weights);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the --init-weights file " + file + " does not fit the "
                        + config.model() + ": " + e.getMessage().replaceFirst("^the weights do not fit the model: ", ""));
            }
            recorded = config.with(Map.of("init_weights", file.toAbsolutePath().normalize().toString(),
                    "init_weights_sha256", sha256(file)));
        } else {
            weights = WeightInit.initialWeights(model, config.seed());
        }
        return new PreparedTrial(recorded.with("effective_steps", plan.effectiveSteps()), dataset, model, plan, schedule,
                evaluator, weights);
    }

    private static Map<String, HostArray> readWeights(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the --init-weights file " + file + " does not exist");
        }
        try {
            return SafeTensors.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--init-weights " + e.getMessage()); // the message names the file
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("the --init-weights file " + file + " cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
