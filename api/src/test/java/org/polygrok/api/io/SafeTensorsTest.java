package org.polygrok.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.nn.WeightInit;
import org.polygrok.api.tck.ModelFixtures;

class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsNamesOrderShapesAndBits() throws IOException {
        LinkedHashMap<String, HostArray> tensors = new LinkedHashMap<>();
        tensors.put("b.weight", HostArray.of(new float[] {1.5f, -0f, Float.MIN_VALUE, Float.NaN, 3e38f, -7}, 2, 3));
        tensors.put("a.bias", HostArray.of(new float[] {0.25f}, 1));
        tensors.put("scalar", HostArray.scalar(42f));
        tensors.put("empty", HostArray.zeros(0, 4));
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(file, tensors);

        LinkedHashMap<String, HostArray> back = SafeTensors.read(file);
        assertThat(back.keySet()).containsExactly("b.weight", "a.bias", "scalar", "empty");
        for (String name : tensors.keySet()) {
            assertThat(back.get(name).shape()).containsExactly(tensors.get(name).shape());
            assertThat(bits(back.get(name).floats())).containsExactly(bits(tensors.get(name).floats()));
        }
        byte[] raw = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(raw, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength % 8).isZero();
        assertThat(raw.length).isEqualTo(8 + headerLength + 4 * (6 + 1 + 1));
    }

    @Test
    void overwritesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("w.safetensors");
        SafeTensors.write(file, Map.of("x", HostArray.scalar(1f)));
        SafeTensors.write(file, Map.of("x", HostArray.scalar(2f)));
        assertThat(SafeTensors.read(file).get("x").item()).isEqualTo(2f);
        assertThatThrownBy(() -> SafeTensors.write(file, Map.of("ids", HostArray.ofInts(new int[] {1}, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ids is INT32");
        assertThat(SafeTensors.read(file).get("x").item()).isEqualTo(2f); // the failed write touched nothing
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void filesWrittenByTheTorchBaselineLoadWithOurModelsNamesAndShapes() {
        assertMatches(ModelFixtures.lstm(), ModelFixtures.lstmWeights());
        assertMatches(ModelFixtures.gpt(), ModelFixtures.gptWeights());
        // torch's nn.Embedding(padding_idx=35) zeroed the PAD row
        float[] table = ModelFixtures.gptWeights().get("embedding.tokens.weight").floats();
        assertThat(Arrays.copyOfRange(table, 35 * 8, 36 * 8)).containsOnly(0f);
    }

    private static void assertMatches(LanguageModel model, Map<String, HostArray> weights) {
        assertThat(weights.keySet()).containsExactlyElementsOf(model.namedParameters().keySet());
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            assertThat(weights.get(e.getKey()).shape()).as(e.getKey()).containsExactly(e.getValue().shape());
        }
        WeightInit.validate(model, weights);
    }

    @Test
    void ourFileOfInitialWeightsIsReadBackExactly() throws IOException {
        LanguageModel gpt = ModelFixtures.gpt();
        LinkedHashMap<String, HostArray> weights = WeightInit.initialWeights(gpt, 3);
        Path file = dir.resolve("gpt.safetensors");
        SafeTensors.write(file, weights);
        assertThat(SafeTensors.read(file)).containsExactlyEntriesOf(weights);
    }

    @Test
    void truncatedFilesAreRejectedNamingTheFile() throws IOException {
        byte[] good = ModelFixtures.resource(ModelFixtures.LSTM_WEIGHTS);
        for (int length : new int[] {0, 5, 8, 100, good.length - 1}) {
            Path file = dir.resolve("cut" + length + ".safetensors");
            Files.write(file, Arrays.copyOf(good, length));
            assertThatThrownBy(() -> SafeTensors.read(file))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith(file + " is not a valid F32 safetensors file");
        }
    }

    @Test
    void corruptHeadersAndOtherDtypesAreRejected() throws IOException {
        assertRejected(header("{\"x\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4),
                "x is F16, and only F32 tensors are supported");
        assertRejected(header("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 8),
                "do not hold 2 floats");
        assertRejected(header("{\"x\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8), "lacks a dtype, shape or pair");
        assertRejected(header("{\"x\": [1, 2", 8), "not valid JSON");
        assertRejected(header("[1, 2]", 8), "not a JSON object");
        byte[] huge = new byte[16];
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L);
        assertRejected(huge, "header length 18446744073709551615 does not fit");
    }

    @Test
    void metadataIsIgnored() throws IOException {
        byte[] file = header("{\"__metadata__\":{\"format\":\"pt\"},\"x\":{\"dtype\":\"F32\",\"shape\":[1],"
                + "\"data_offsets\":[0,4]}}", 4);
        assertThat(SafeTensors.decode(file, "m").keySet()).containsExactly("x");
    }

    private void assertRejected(byte[] image, String reason) throws IOException {
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, image);
        assertThatThrownBy(() -> SafeTensors.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " is not a valid F32 safetensors file")
                .hasMessageContaining(reason);
    }

    private static byte[] header(String json, int dataBytes) {
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + head.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(head.length).put(head);
        return out.array();
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
