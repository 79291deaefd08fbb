package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The snippet trains a GPT on the backend found at run time, its loss falls, and it is README.md's snippet. */
class TrainGptTest {
    @Test
    void theReadmeSnippetTrainsAGptAndItsLossFalls() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            TrainGpt.main(new String[0]);
        } finally {
            System.setOut(stdout);
        }
        List<Float> losses = printed.toString(StandardCharsets.UTF_8).lines().map(Float::parseFloat).toList();
        assertEquals(100, losses.size());
        System.out.println("loss " + losses.get(0) + " -> " + losses.get(99));
        assertTrue(losses.get(99) < 0.5f * losses.get(0), "the loss falls: " + losses.get(0) + " -> " + losses.get(99));
        assertTrue(Files.size(Path.of("gpt.safetensors")) > 0);
    }

    @Test
    void theSnippetIsTheReadmesAsWritten() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("readme")));
        Matcher block = Pattern.compile("## Using the api[^\\n]*\\n.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md has a java block under 'Using the api'");
        String source = Files.readString(Path.of("src/main/java/org/example/TrainGpt.java"));
        String marked = source.substring(source.indexOf("// README: begin\n") + "// README: begin\n".length(),
                source.indexOf("        // README: end"));
        assertEquals(block.group(1).strip(), marked.stripTrailing().stripIndent().strip());
    }
}
