package org.polygrok.api.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;

/**
 * Reads and writes named FLOAT32 tensors in the safetensors format — how weights move between
 * backends and to and from PyTorch: an 8-byte little-endian header length, a JSON header
 * {@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...}} padded with
 * spaces to a multiple of 8 bytes, then the raw little-endian data. {@code __metadata__} is ignored
 * on reading. Writing is atomic: a temporary file renamed over the target, never a half-written file.
 */
public final class SafeTensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";
    private static final int LENGTH_BYTES = 8;

    private SafeTensors() {
    }

    /** The tensors of a file, in the order of its header. */
    public static LinkedHashMap<String, HostArray> read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /**
     * The tensors of a safetensors image held in memory (e.g. a class-path resource).
     *
     * @param source what to call the data in error messages, e.g. its file name
     * @throws IOException with one sentence naming {@code source} when the data is not a well-formed
     *     F32 safetensors image
     */
    public static LinkedHashMap<String, HostArray> decode(byte[] bytes, String source) throws IOException {
        if (bytes.length < LENGTH_BYTES) {
            throw invalid(source, "it has only " + bytes.length + " bytes, fewer than the 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > bytes.length - LENGTH_BYTES) {
            throw invalid(source, "its header length " + Long.toUnsignedString(headerLength)
                    + " does not fit in the " + bytes.length + "-byte file (truncated or not safetensors)");
        }
        int dataStart = LENGTH_BYTES + (int) headerLength;
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, LENGTH_BYTES, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw invalid(source, "its header is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (header == null || !header.isObject()) {
            throw invalid(source, "its header is not a JSON object");
        }
        LinkedHashMap<String, HostArray> tensors = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals(METADATA)) {
                tensors.put(field.getKey(), tensor(bytes, dataStart, field.getKey(), field.getValue(), source));
            }
        }
        return tensors;
    }

    private static HostArray tensor(byte[] bytes, int dataStart, String name, JsonNode info, String source)
            throws IOException {
        JsonNode dtype = info.get("dtype");
        JsonNode shapeNode = info.get("shape");
        JsonNode offsets = info.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shapeNode == null || !shapeNode.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw invalid(source, "tensor " + name + " lacks a dtype, shape or pair of data_offsets");
        }
        if (!dtype.asText().equals("F32")) {
            throw invalid(source, "tensor " + name + " is " + dtype.asText() + ", and only F32 tensors are supported");
        }
        long[] shape = new long[shapeNode.size()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
                throw invalid(source, "tensor " + name + " has a malformed shape " + shapeNode);
            }
            shape[i] = d.asLong();
            size = d.asLong() == 0 ? 0 : size <= Integer.MAX_VALUE / d.asLong() ? size * d.asLong() : Long.MAX_VALUE;
        }
        if (size > Integer.MAX_VALUE) {
            throw invalid(source, "tensor " + name + " of shape " + shapeNode + " is too large to load");
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        long dataLength = bytes.length - (long) dataStart;
        if (begin < 0 || end < begin || end - begin != 4 * size) {
            throw invalid(source, "tensor " + name + " has data_offsets " + offsets + " that do not hold "
                    + size + " floats");
        }
        if (end > dataLength) {
            throw invalid(source, "tensor " + name + " ends at byte " + end + " of a data section of only "
                    + dataLength + " bytes (truncated)");
        }
        float[] values = new float[Math.toIntExact(size)];
        ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(values);
        return HostArray.of(values, shape);
    }

    /**
     * Writes FLOAT32 tensors, in map order, to {@code file}, atomically.
     *
     * @throws IllegalArgumentException for a non-FLOAT32 tensor or a reserved/empty name
     */
    public static void write(Path file, Map<String, HostArray> tensors) throws IOException {
        byte[] image = encode(tensors);
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, image);
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                // createTempFile makes owner-only files; weights are ordinary files, readable like any other
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The safetensors image of FLOAT32 tensors, in map order. */
    public static byte[] encode(Map<String, HostArray> tensors) {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, HostArray> e : tensors.entrySet()) {
            String name = e.getKey();
            HostArray value = e.getValue();
            if (name == null || name.isEmpty() || name.equals(METADATA)) {
                throw new IllegalArgumentException("\"" + name + "\" cannot name a tensor in a safetensors file");
            }
            if (value.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException("tensor " + name + " is " + value.dtype()
                        + ", and only FLOAT32 tensors can be written to safetensors");
            }
            ObjectNode info = header.putObject(name);
            info.put("dtype", "F32");
            ArrayNode shape = info.putArray("shape");
            for (long d : value.shape()) {
                shape.add(d);
            }
            info.putArray("data_offsets").add(offset).add(offset + 4 * value.size());
            offset += 4 * value.size();
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(LENGTH_BYTES + padded + offset))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (HostArray value : tensors.values()) {
            for (float f : value.floats()) {
                out.putFloat(f);
            }
        }
        return out.array();
    }

    private static IOException invalid(String source, String reason) {
        return new IOException(source + " is not a valid F32 safetensors file: " + reason + ".");
    }
}
