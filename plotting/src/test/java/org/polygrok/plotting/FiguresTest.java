package org.polygrok.plotting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Every figure type renders from the synthetic fixture to a valid PNG of the expected size and a valid SVG. */
class FiguresTest {

    static Path root;
    static final Map<String, List<Path>> WRITTEN = new TreeMap<>();

    /** experiment → figure name → {width, height, has colour bar (1/0)}. */
    static final Map<String, Map<String, int[]>> EXPECTED = new TreeMap<>();

    static {
        int[] single = {664, 498, 0};
        int[] byOrder = {1024, 498, 0};
        int[] curves = {1046, 738, 1};
        int[] norm = {766, 498, 1};
        int[] perMetric = {1806, 778, 1};
        int[] attention = {1348, 690, 1};
        Map<String, int[]> sanity = new TreeMap<>();
        for (String m : List.of("lstm", "gpt")) {
            for (String b : List.of("djl", "tf")) {
                sanity.put("loss-" + m + "-" + b, single);
                sanity.put("accuracy-" + m + "-" + b, single);
            }
        }
        EXPECTED.put("sanity", sanity);
        Map<String, int[]> orders = new TreeMap<>();
        Map<String, int[]> dataScaling = new TreeMap<>();
        Map<String, int[]> modelSize = new TreeMap<>();
        Map<String, int[]> compute = new TreeMap<>();
        for (String m : List.of("lstm", "gpt")) {
            orders.put("loss-" + m + "-djl", single);
            orders.put("accuracy-" + m + "-djl", single);
            orders.put("loss-by-order-" + m + "-djl", byOrder);
            orders.put("accuracy-by-order-" + m + "-djl", byOrder);
            dataScaling.put("curves-" + m + "-djl", curves);
            dataScaling.put("metrics-" + m + "-djl", new int[] {864, 778, 0});
            for (int l = 1; l <= 3; l++) {
                modelSize.put("curves-" + m + "-djl-L" + l, curves);
            }
            modelSize.put("metrics-" + m + "-djl", perMetric);
            modelSize.put("metrics-params-" + m + "-djl", perMetric);
            compute.put("curves-" + m + "-djl", curves);
            compute.put("metrics-" + m + "-djl", perMetric);
        }
        EXPECTED.put("orders", orders);
        EXPECTED.put("data-scaling", dataScaling);
        EXPECTED.put("model-size", modelSize);
        EXPECTED.put("compute", compute);
        EXPECTED.put("regularization", Map.of("curves-lstm-djl", curves, "norm-lstm-djl", norm,
                "metrics-lstm-djl", new int[] {1284, 778, 0}));
        EXPECTED.put("attention", Map.of("attention-sample1-djl", attention, "attention-sample2-djl", attention,
                "attention-sample1-tf", attention, "attention-sample2-tf", attention));
    }

    @BeforeAll
    static void drawEverything() throws IOException {
        root = RenderedFixture.root(); // the report drew every figure; the directories hold nothing else
        for (Path experiment : org.polygrok.plotting.results.ResultsReader.findExperiments(root)) {
            try (Stream<Path> files = Files.list(experiment.resolve(Plotting.FIGURES_DIR))) {
                WRITTEN.put(experiment.getFileName().toString(), files.toList());
            }
        }
    }

    @Test
    void everyExperimentDrawsExactlyItsFigureTypesAsPngAndSvg() {
        for (Map.Entry<String, Map<String, int[]>> e : EXPECTED.entrySet()) {
            List<String> expected = new ArrayList<>();
            e.getValue().keySet().forEach(n -> {
                expected.add(n + ".png");
                expected.add(n + ".svg");
            });
            assertThat(WRITTEN.get(e.getKey()).stream().map(p -> p.getFileName().toString()))
                    .as(e.getKey()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(WRITTEN.get(e.getKey())).allSatisfy(p -> assertThat(p.getParent())
                    .isEqualTo(root.resolve(e.getKey()).resolve(Plotting.FIGURES_DIR)));
        }
        assertThat(WRITTEN.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    static Stream<Arguments> figures() {
        return EXPECTED.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                .map(f -> Arguments.of(e.getKey(), f.getKey(), f.getValue())));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("figures")
    void figureIsAValidPngAndSvgOfTheExpectedSize(String experiment, String name, int[] expected) throws Exception {
        Path dir = root.resolve(experiment).resolve(Plotting.FIGURES_DIR);
        BufferedImage png = ImageIO.read(dir.resolve(name + ".png").toFile());
        assertThat(png).as("PNG decodes").isNotNull();
        assertThat(new int[] {png.getWidth(), png.getHeight()}).containsExactly(expected[0], expected[1]);
        assertThat(inkFraction(png)).as("drawn, not blank").isGreaterThan(0.03);
        if (expected[2] == 1) {
            assertThat(hasViridisBottom(png, png.getWidth() - 95)).as("colour bar at the right").isTrue();
        }
        Document svg = parseSvg(dir.resolve(name + ".svg"));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo(expected[0] + "px");
        assertThat(svg.getDocumentElement().getAttribute("height")).isEqualTo(expected[1] + "px");
        String text = svg.getDocumentElement().getTextContent();
        assertThat(text).as("title names the experiment and backend")
                .contains(experiment).contains("backend " + (name.contains("-tf") ? "tf" : "djl"));
        assertThat(svg.getElementsByTagName("path").getLength()).isGreaterThan(10);
    }

    @Test
    void logStepAxisAlsoRenders(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        List<Path> files = Plotting.plotExperiment(SyntheticResults.writeOrders(dir), new PlotOptions(true));
        assertThat(files).hasSize(16);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertThat(png.getWidth()).isEqualTo(664);
        assertThat(inkFraction(png)).isGreaterThan(0.03);
    }

    /** Share of pixels that are not white. */
    static double inkFraction(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    /** Whether column x holds viridis's darkest colour (the bottom of a colour bar). */
    static boolean hasViridisBottom(BufferedImage image, int x) {
        for (int y = 0; y < image.getHeight(); y++) {
            int rgb = image.getRGB(x, y);
            if (Math.abs(((rgb >> 16) & 0xFF) - 0x44) < 8 && Math.abs(((rgb >> 8) & 0xFF) - 0x01) < 8
                    && Math.abs((rgb & 0xFF) - 0x54) < 8) {
                return true;
            }
        }
        return false;
    }

    /** Parses an SVG as XML without fetching its external DTD. */
    static Document parseSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertThat(Files.size(file)).isGreaterThan(1000);
        return f.newDocumentBuilder().parse(file.toFile());
    }
}
