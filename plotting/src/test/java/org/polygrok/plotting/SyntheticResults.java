package org.polygrok.plotting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small, plausible results tree (docs/RESULTS.md) with every experiment type: grokking-shaped
 * curves over 2 seeds, summaries computed from them (PROTOCOL §7), a failed trial, two backends for
 * sanity (the tf GPT generalising later, by more than the seed spread), and attention maps.
 */
final class SyntheticResults {

    static final List<Long> SEEDS = List.of(0L, 42L);
    static final int T = 2000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    private SyntheticResults(Path root) {
        this.root = root;
    }

    /** Writes every experiment under {@code root} and returns {@code root}. */
    /** A config.json record with only the given fields (the others at their defaults). */
    static org.polygrok.plotting.results.TrialConfig config(String model, String backend, long seed,
            Map<String, Object> setting) {
        return org.polygrok.plotting.results.Json.mapper().convertValue(Map.of("model", model, "backend", backend,
                "seed", seed, "setting", setting, "orders", List.of(2)), org.polygrok.plotting.results.TrialConfig.class);
    }

    static Path writeAll(Path root) throws IOException {
        SyntheticResults r = new SyntheticResults(root);
        r.sanity();
        r.dataScaling();
        r.orders();
        r.modelSize();
        r.compute();
        r.regularization();
        r.attention();
        return root;
    }

    /** Writes only the Q4 experiment under {@code root}. */
    static Path writeOrders(Path root) throws IOException {
        new SyntheticResults(root).orders();
        return root.resolve("orders");
    }

    void sanity() throws IOException {
        Experiment e = new Experiment("sanity", "Q1", List.of(), List.of("djl", "tf"), List.of("lstm", "gpt"));
        for (String backend : e.backends) {
            for (String model : e.models) {
                double late = backend.equals("tf") && model.equals("gpt") ? 1.4 : 1.0;
                e.group(backend, model, Map.of(), null, seed -> new Shape(model, seed).generalise(late));
            }
        }
        e.write();
    }

    void dataScaling() throws IOException {
        Experiment e = new Experiment("data-scaling", "Q3", List.of("r_train"), List.of("djl"), List.of("lstm", "gpt"));
        for (String model : e.models) {
            for (double r : new double[] {0.3, 0.5, 0.7, 0.9}) {
                e.group("djl", model, Map.of("r_train", r), null,
                        seed -> new Shape(model, seed).generalise(Math.pow(0.5 / r, 2)).reach(r < 0.4 ? 0.45 : 1.0));
            }
        }
        e.failLast("djl", "gpt", Map.of("r_train", 0.9), 500, "NaN loss at step 501");
        e.write();
    }

    void orders() throws IOException {
        Experiment e = new Experiment("orders", "Q4", List.of(), List.of("djl"), List.of("lstm", "gpt"));
        for (String model : e.models) {
            e.group("djl", model, Map.of(), null, seed -> new Shape(model, seed).withOrders());
        }
        e.write();
    }

    void modelSize() throws IOException {
        Experiment e = new Experiment("model-size", "Q5", List.of("layers", "dim"), List.of("djl"), List.of("lstm", "gpt"));
        for (String model : e.models) {
            for (int layers : new int[] {1, 2, 3}) {
                for (int dim : new int[] {64, 128, 256}) {
                    long params = model.equals("gpt") ? layers * (12L * dim * dim + 8L * dim) + 37L * dim
                            : layers * (8L * dim * dim + 4L * dim) + 37L * dim;
                    e.group("djl", model, Map.of("layers", layers, "dim", dim), params,
                            seed -> new Shape(model, seed).memorise(128.0 / dim).generalise((128.0 / dim) * (1 + 0.2 * layers)));
                }
            }
        }
        e.write();
    }

    void compute() throws IOException {
        Experiment e = new Experiment("compute", "Q6", List.of("train_batch_size"), List.of("djl"), List.of("lstm", "gpt"));
        e.alphas = List.of(0.2, 0.5, 1.0);
        for (String model : e.models) {
            for (int b : new int[] {32, 128, 512}) {
                e.group("djl", model, Map.of("train_batch_size", b), null,
                        seed -> new Shape(model, seed).generalise(Math.sqrt(512.0 / b) * 0.7));
            }
        }
        e.write();
    }

    void regularization() throws IOException {
        Experiment e = new Experiment("regularization", "Q7", List.of("weight_decay"), List.of("djl"), List.of("lstm"));
        for (double wd : new double[] {0.25, 0.5, 0.75, 1.0}) {
            e.group("djl", "lstm", Map.of("weight_decay", wd), null,
                    seed -> new Shape("lstm", seed).generalise(0.8 / wd).decay(wd));
        }
        e.write();
    }

    /** Q8 on two backends: attention.json (djl, the first) and attention-tf.json, as the sweep writes them. */
    void attention() throws IOException {
        Path dir = Files.createDirectories(root.resolve("attention"));
        JSON.writeValue(dir.resolve("experiment.json").toFile(), Map.of("experiment", "attention", "question", "Q8",
                "scale", "synthetic", "sweep", List.of(), "backends", List.of("djl", "tf"), "models", List.of("gpt"),
                "seeds", List.of(42), "notes", "attention maps of the sanity GPT",
                "invocation", Map.of("command", "polygrok run attention --backend djl,tf", "set", Map.of(), "parallel", 1)));
        attentionFile(dir.resolve("attention.json"), "djl", 8);
        attentionFile(dir.resolve("attention-tf.json"), "tf", 9);
    }

    private static void attentionFile(Path file, String backend, long seed) throws IOException {
        List<Map<String, Object>> samples = new ArrayList<>();
        String[][] tokens = {{"BOS", "11", "+", "3", "=", "14"}, {"BOS", "1", "+", "24", "=", "25"}};
        java.util.Random random = new java.util.Random(seed);
        for (String[] t : tokens) {
            double[][][][] w = new double[2][4][6][6];
            for (int l = 0; l < 2; l++) {
                for (int h = 0; h < 4; h++) {
                    for (int q = 0; q < 6; q++) {
                        double sum = 0;
                        for (int k = 0; k <= q; k++) { // causal: keys after the query get 0
                            boolean operand = (k == 1 || k == 3) && (h + l) % 2 == 0;
                            w[l][h][q][k] = Math.exp(random.nextGaussian() + (operand ? 2.0 : 0.0));
                            sum += w[l][h][q][k];
                        }
                        for (int k = 0; k <= q; k++) {
                            w[l][h][q][k] /= sum;
                        }
                    }
                }
            }
            samples.add(Map.of("tokens", List.of(t), "attentions", w));
        }
        JSON.writeValue(file.toFile(), Map.of("model_trial", "gpt-" + backend + "-seed42",
                "backend", backend, "layers", 2, "heads", 4, "samples", samples));
    }

    /** One experiment being written: its trials, and the summary rows computed from them. */
    private final class Experiment {
        final String name;
        final String question;
        final List<String> sweep;
        final List<String> backends;
        final List<String> models;
        List<Double> alphas = List.of();
        final Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        final Map<String, List<Map<String, Object>>> metrics = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> statuses = new LinkedHashMap<>();
        final List<Map<String, Object>> groups = new ArrayList<>();

        Experiment(String name, String question, List<String> sweep, List<String> backends, List<String> models) {
            this.name = name;
            this.question = question;
            this.sweep = sweep;
            this.backends = backends;
            this.models = models;
        }

        void group(String backend, String model, Map<String, Object> setting, Long params,
                   java.util.function.LongFunction<Shape> shapes) {
            List<String> ids = new ArrayList<>();
            for (long seed : SEEDS) {
                String id = model + "-" + backend + "-" + settingId(setting) + "seed" + seed;
                Shape shape = shapes.apply(seed);
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("model", model);
                config.put("backend", backend);
                config.put("engine", backend.equals("djl") ? "PyTorch 2.7.1 via DJL 0.36.0" : "TensorFlow 2.18 via TF Java 1.1.0");
                config.put("polygrok_version", "0.1.0-SNAPSHOT");
                config.put("seed", seed);
                config.put("p", name.equals("orders") ? 11 : 31);
                config.put("orders", name.equals("orders") ? List.of(2, 3) : List.of(2));
                config.put("r_train", setting.getOrDefault("r_train", 0.5));
                config.put("train_batch_size", setting.getOrDefault("train_batch_size", 512));
                config.put("layers", setting.getOrDefault("layers", 2));
                config.put("dim", setting.getOrDefault("dim", 128));
                config.put("weight_decay", setting.getOrDefault("weight_decay", 1.0));
                config.put("steps", T + 1);
                config.put("experiment", name);
                config.put("setting", setting);
                configs.put(id, config);
                metrics.put(id, shape.rows(params == null ? (model.equals("gpt") ? 399908L : 267812L) : params));
                statuses.put(id, Map.of("status", "DONE", "step", T + 1));
                ids.add(id);
            }
            groups.add(Map.of("backend", backend, "model", model, "setting", setting, "ids", ids,
                    "params", params == null ? (model.equals("gpt") ? 399908L : 267812L) : params));
        }

        void failLast(String backend, String model, Map<String, Object> setting, int step, String reason) {
            String id = model + "-" + backend + "-" + settingId(setting) + "seed" + SEEDS.get(SEEDS.size() - 1);
            metrics.put(id, metrics.get(id).stream().filter(m -> ((Number) m.get("step")).intValue() <= step).toList());
            statuses.put(id, Map.of("status", "FAILED", "step", step, "reason", reason));
        }

        void write() throws IOException {
            Path dir = Files.createDirectories(root.resolve(name));
            JSON.writeValue(dir.resolve("experiment.json").toFile(), Map.of("experiment", name, "question", question,
                    "scale", "synthetic", "sweep", sweep, "backends", backends, "models", models, "seeds", SEEDS,
                    "notes", "synthetic fixture written by the plotting tests"));
            for (String id : configs.keySet()) {
                Path t = Files.createDirectories(dir.resolve("trials").resolve(id));
                JSON.writeValue(t.resolve("config.json").toFile(), configs.get(id));
                JSON.writeValue(t.resolve("status.json").toFile(), statuses.get(id));
                StringBuilder lines = new StringBuilder();
                for (Map<String, Object> row : metrics.get(id)) {
                    lines.append(new ObjectMapper().writeValueAsString(row)).append('\n');
                }
                Files.writeString(t.resolve("metrics.jsonl"), lines);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> g : groups) {
                for (Double alpha : alphas.isEmpty() ? java.util.Collections.<Double>singletonList(null) : alphas) {
                    rows.add(SummaryMath.row(g, alpha, T, metrics, statuses));
                }
            }
            JSON.writeValue(dir.resolve("summary.json").toFile(), rows);
        }
    }

    private static String settingId(Map<String, Object> setting) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(setting).forEach((k, v) -> b.append(k).append(v).append('-'));
        return b.toString();
    }
}
