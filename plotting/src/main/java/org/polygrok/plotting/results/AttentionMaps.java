package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Q8's {@code attention.json} (docs/RESULTS.md): the attention weights of a trained GPT (the trial
 * {@code modelTrial}) on a few training samples. The first backend's maps are {@code attention.json},
 * each other backend's {@code attention-<backend>.json}. Each sample's {@code attentions} is indexed
 * [layer][head][query position][key position], (L, H, S, S) with S its token count.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"model_trial", "backend", "layers", "heads", "samples"})
public record AttentionMaps(String modelTrial, String backend, int layers, int heads, List<Sample> samples) {

    public static final String FILE = "attention.json";

    public AttentionMaps {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** One input sequence and its attention weights, (L, H, S, S). */
    @JsonPropertyOrder({"tokens", "attentions"})
    public record Sample(List<String> tokens, double[][][][] attentions) {

        public Sample {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }
    }

    /** The file of {@code backend}: attention.json for the first backend, attention-&lt;backend&gt;.json for others. */
    public static Path file(Path experimentDir, String backend, boolean first) {
        return experimentDir.resolve(first ? FILE : "attention-" + backend + ".json");
    }

    /** attention.json, then the attention-BACKEND.json files, by name. */
    public static List<Path> files(Path experimentDir) {
        try (Stream<Path> files = Files.list(experimentDir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString()
                    .matches("attention(-[A-Za-z0-9_.-]+)?\\.json"))
                    .sorted(Comparator.comparing((Path f) -> !f.getFileName().toString().equals(FILE))
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + experimentDir, e);
        }
    }

    public void write(Path file) {
        Json.write(file, this);
    }

    /**
     * Reads {@code file} and checks every sample's weights are (L, H, S, S) with S = its token count.
     *
     * @throws IllegalArgumentException naming the file when it is not
     */
    public static AttentionMaps read(Path file) {
        AttentionMaps maps = Json.read(file, AttentionMaps.class);
        if (maps.samples().isEmpty()) {
            throw new IllegalArgumentException(file + " has no samples");
        }
        for (int i = 0; i < maps.samples().size(); i++) {
            Sample s = maps.samples().get(i);
            checkShape(file, i, s.attentions(), maps.layers(), maps.heads(), s.tokens().size());
        }
        return maps;
    }

    private static void checkShape(Path file, int sample, double[][][][] w, int layers, int heads, int s) {
        boolean ok = w != null && w.length == layers && layers > 0;
        for (int l = 0; ok && l < layers; l++) {
            ok = w[l].length == heads;
            for (int h = 0; ok && h < heads; h++) {
                ok = w[l][h].length == s;
                for (int q = 0; ok && q < s; q++) {
                    ok = w[l][h][q].length == s;
                }
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(file + ": sample " + sample + " attentions must be "
                    + layers + " layers x " + heads + " heads x " + s + " x " + s + " (S = number of tokens)");
        }
    }
}
