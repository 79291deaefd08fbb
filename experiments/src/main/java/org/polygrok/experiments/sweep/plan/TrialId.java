package org.polygrok.experiments.sweep.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialConfig;

/**
 * A trial's folder name: a readable prefix (model, backend, seed, swept values) and the first 12 hex
 * digits of the SHA-256 of the canonical JSON of everything that decides what the trial computes
 * ({@link TrialConfig#identity()}, backend and seed included; keys sorted, numbers in plain decimal).
 * The same trial always gets the same id, on any machine and in any experiment.
 */
public final class TrialId {
    private static final int HASH_DIGITS = 12;

    private TrialId() {
    }

    public static String of(TrialConfig config) {
        return prefix(config) + "-" + hash(config);
    }

    /** The hash part alone. */
    public static String hash(TrialConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(config).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON that is hashed: the identity fields, keys sorted at every level, numbers in plain decimal. */
    public static String canonicalJson(TrialConfig config) {
        try {
            return Json.mapper().writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsString(canonical(config.identity()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trial configuration did not convert to JSON", e);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(TrialId::canonical).toList();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(Double.toString(((Number) value).doubleValue())).stripTrailingZeros();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return value;
    }

    /** e.g. {@code gpt-djl-s42-r0.3}, {@code lstm-tf-s0-L2-d64}, {@code gpt-nd4j-s0-B32}, {@code lstm-djl-s42-wd0.25}. */
    static String prefix(TrialConfig config) {
        StringBuilder sb = new StringBuilder(config.model()).append('-').append(config.backend()).append("-s")
                .append(config.seed());
        config.setting().entrySet().stream().sorted(Map.Entry.comparingByKey(TrialId::keyOrder)).forEach(e ->
                sb.append('-').append(abbreviation(e.getKey())).append(plain(e.getValue())));
        return sb.toString();
    }

    private static int keyOrder(String a, String b) {
        List<String> known = List.of("layers", "dim", "r_train", "train_batch_size", "weight_decay");
        int ia = known.indexOf(a);
        int ib = known.indexOf(b);
        return ia >= 0 && ib >= 0 ? Integer.compare(ia, ib) : ia >= 0 ? -1 : ib >= 0 ? 1 : a.compareTo(b);
    }

    private static String abbreviation(String key) {
        return switch (key) {
            case "r_train" -> "r";
            case "layers" -> "L";
            case "dim" -> "d";
            case "train_batch_size" -> "B";
            case "weight_decay" -> "wd";
            default -> key.replace('_', '.');
        };
    }

    private static String plain(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value).replaceAll("[^A-Za-z0-9.]+", "_");
    }
}
