package org.polygrok.plotting.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, lenient readers over Jackson trees; malformed files become one clear error naming the file. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode parseLine(String line) throws JsonProcessingException {
        return MAPPER.readTree(line);
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static long integer(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isNumber() ? 0L : v.asLong();
    }

    /** A number, NaN when absent or null. */
    static double number(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    static List<String> texts(JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(key);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    static List<Long> integers(JsonNode node, String key) {
        List<Long> out = new ArrayList<>();
        JsonNode v = node.get(key);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asLong()));
        }
        return out;
    }

    /** An object as plain Java values (numbers, strings, booleans, lists, maps), keys in file order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(JsonNode node, String key) {
        JsonNode v = key == null ? node : node.get(key);
        if (v == null || !v.isObject()) {
            return Map.of();
        }
        return MAPPER.convertValue(v, LinkedHashMap.class);
    }
}
