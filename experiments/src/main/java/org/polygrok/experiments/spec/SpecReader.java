package org.polygrok.experiments.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads sweep specs, YAML or JSON ({@code .json}), from a file, from the study's resources or from an
 * {@code experiment.json}, and checks them ({@link SpecChecks}) before anything is planned or written.
 */
public final class SpecReader {
    /** Where the study's specs are, as {@code NAME.yaml}. */
    public static final String RESOURCES = "/org/polygrok/experiments/spec/";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private SpecReader() {
    }

    /**
     * The checked spec in {@code file}.
     *
     * @throws IllegalArgumentException with one sentence naming the file, for an unreadable or invalid spec
     */
    public static SweepSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the spec " + file + ": " + e.getMessage());
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(text, json ? JSON : YAML, file.toString());
    }

    /** The study's spec {@code name} (e.g. "sanity"), checked. */
    public static SweepSpec builtIn(String name) {
        try {
            return parse(resourceText(name), YAML, RESOURCES + name + ".yaml");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the study's spec is broken: " + e.getMessage(), e);
        }
    }

    /** The study's spec {@code name} as shipped, comments included (what {@code polygrok sweep --print} writes). */
    public static String resourceText(String name) {
        try (InputStream in = SpecReader.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no spec named '" + name + "' ships with polygrok");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the spec resource " + name + ": " + e.getMessage(), e);
        }
    }

    /** A spec recorded in an {@code experiment.json} (as a JSON tree), checked again. */
    public static SweepSpec fromRecord(Object recorded, String where) {
        try {
            return check(JSON.convertValue(recorded, SweepSpec.class), where);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " records a spec that cannot run: " + e.getMessage());
        }
    }

    /** The spec as YAML. */
    public static String yaml(SweepSpec spec) {
        try {
            return YAML.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec did not convert to YAML", e);
        }
    }

    private static SweepSpec parse(String text, ObjectMapper mapper, String where) {
        SweepSpec spec;
        try {
            spec = mapper.readValue(text, SweepSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(where + ": unknown key '" + e.getPropertyName() + "'" + at(e)
                    + "; use " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException bad) {
                throw new IllegalArgumentException(where + " is not valid " + (mapper == JSON ? "JSON" : "YAML") + ": "
                        + firstLine(bad.getOriginalMessage()));
            }
            throw new IllegalArgumentException(where + ": " + (e.getPath().isEmpty() ? "the spec"
                    : "'" + path(e) + "'") + " has the wrong type (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not valid " + (mapper == JSON ? "JSON" : "YAML") + ": "
                    + firstLine(e.getOriginalMessage()));
        }
        if (spec == null) {
            throw new IllegalArgumentException(where + " is empty; write at least 'name:' (see docs/SPECS.md)");
        }
        return check(spec, where);
    }

    private static SweepSpec check(SweepSpec spec, String where) {
        try {
            SpecChecks.check(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        return spec;
    }

    private static String at(JsonMappingException e) {
        return e.getPath().size() > 1 ? " in '" + path(e).substring(0, path(e).lastIndexOf('.')) + "'" : "";
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").replaceAll("\\s+$", "");
    }

    /** For tests and the docs: the parsed tree of a spec text, without checks. */
    static Map<?, ?> tree(String yaml) throws JsonProcessingException {
        return YAML.readValue(yaml, Map.class);
    }
}
