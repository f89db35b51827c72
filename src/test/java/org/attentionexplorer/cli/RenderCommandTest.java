package org.attentionexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.attentionexplorer.ui.lesson.Step;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code render}: each step of the bundled lesson to PNG and SVG, the model step for a tiny model trained here, and
 * the errors a user can make. Runs without the FX toolkit: the pages are drawn with java.awt only.
 */
class RenderCommandTest {
    @TempDir
    static Path shared;
    static Path checkpoint;

    @TempDir
    Path dir;

    private final CommandRunner cli = new CommandRunner();

    @BeforeAll
    static void trainATinyModel() throws IOException {
        Path text = shared.resolve("story.txt");
        Files.writeString(text, "The keeper lit the lamp and the ship saw it. ".repeat(40));
        CommandRunner test = new CommandRunner();
        int status = test.run("train", "--text", text.toString(), "--preset", "tiny", "--steps", "1", "--batch", "2",
                "--eval-interval", "1", "--eval-batches", "1", "--checkpoint-dir", shared.resolve("run").toString(), "--seed", "7");
        assertThat(status).as(test.err()).isZero();
        checkpoint = shared.resolve("run").resolve("checkpoint.safetensors");
    }

    /** What each lesson step's page must say: its title, and the keys of its heatmaps. */
    static Stream<Arguments> lessonSteps() {
        return Stream.of(
                Arguments.of(Step.TOKENS, new String[] {"lesson.embeddings: inputs X"}),
                Arguments.of(Step.SCORES, new String[] {"simplified.attnScores"}),
                Arguments.of(Step.NORMALIZE, new String[] {"simplified.naiveWeights", "simplified.attnWeights"}),
                Arguments.of(Step.CONTEXT, new String[] {"simplified.contextVecs", "contributions to z(journey)"}),
                Arguments.of(Step.QKV, new String[] {"queries", "keys", "values", "scaledScores", "unscaledWeights"}),
                Arguments.of(Step.MASK, new String[] {"maskedScores", "renormalizedWeights", "-inf"}),
                Arguments.of(Step.DROPOUT, new String[] {"dropoutMask", "droppedWeights"}),
                Arguments.of(Step.HEADS, new String[] {"contextVecs", "output"}));
    }

    @ParameterizedTest
    @MethodSource("lessonSteps")
    void eachLessonStepRendersToPngAndSvg(Step step, String[] expected) throws IOException {
        Path png = dir.resolve(step.id() + ".png");
        assertThat(cli.run("render", "--step", step.id(), "--out", png.toString())).as(cli.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(1000);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("white margin").isEqualTo(0xFFFFFF);
        assertThat(cli.out()).startsWith("wrote " + png + " (" + step.id() + ", ");

        Path svg = dir.resolve(step.id() + ".svg");
        assertThat(cli.run("render", "--step", step.id(), "--out", svg.toString())).as(cli.err()).isZero();
        String text = Files.readString(svg);
        assertThat(parse(text).getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(text).contains(step.title(), "Your journey starts with one step", ">journey<");
        assertThat(text).contains(expected);
    }

    /** The SVG as XML (offline: the DTD it names is not fetched). */
    private static org.w3c.dom.Document parse(String svg) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the SVG does not parse: " + e.getMessage(), e);
        }
    }

    @Test
    void theScaleSetsThePngsPixels() throws IOException {
        Path one = dir.resolve("one.png");
        Path three = dir.resolve("three.png");
        assertThat(cli.run("render", "--step", "scores", "--out", one.toString(), "--scale", "1")).isZero();
        assertThat(cli.run("render", "--step", "scores", "--out", three.toString(), "--scale", "3")).isZero();
        BufferedImage small = ImageIO.read(one.toFile());
        BufferedImage large = ImageIO.read(three.toFile());
        assertThat(large.getWidth()).isBetween(3 * small.getWidth() - 3, 3 * small.getWidth());
        assertThat(large.getHeight()).isBetween(3 * small.getHeight() - 3, 3 * small.getHeight());
    }

    @Test
    void lessonOptionsChangeWhatIsDrawn() throws IOException {
        Path svg = dir.resolve("mask.svg");
        assertThat(cli.run("render", "--step", "heads", "--out", svg.toString(), "--module", "MultiHeadAttention", "--heads", "2",
                "--seed", "123", "--causal")).as(cli.err()).isZero();
        assertThat(Files.readString(svg)).contains("MultiHeadAttention, causal, 2 heads", "heads[1].droppedWeights", "versionCheck.output");
    }

    @Test
    void theModelStepDrawsEveryLayerAndHeadWithStatistics() throws IOException {
        Path svg = dir.resolve("model.svg");
        assertThat(cli.run("render", "--model", checkpoint.toString(), "--text", "The keeper lit", "--step", "model",
                "--out", svg.toString())).as(cli.err()).isZero();
        String text = Files.readString(svg);
        assertThat(text).contains(Step.MODEL.title(), "checkpoint.safetensors", "layer 0", "layer 1", "head 0", "head 1", "entropy ");
        Path png = dir.resolve("model.png");
        assertThat(cli.run("render", "--model", checkpoint.toString(), "--text", "The keeper lit", "--step", "model",
                "--out", png.toString())).as(cli.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(0);
    }

    @Test
    void aModelsHeadStepShowsTheChosenHead() throws IOException {
        Path svg = dir.resolve("qkv.svg");
        assertThat(cli.run("render", "--model", checkpoint.toString(), "--text", "The keeper lit", "--step", "qkv",
                "--layer", "1", "--head", "1", "--out", svg.toString())).as(cli.err()).isZero();
        assertThat(Files.readString(svg)).contains("layers[1].heads[1].queries", "layer 1, head 1");
    }

    @Test
    void badInputExitsWithTwoAndOneLineSayingWhatAndWhere() throws IOException {
        Path png = dir.resolve("x.png");
        assertThat(cli.run("render", "--step", "attention", "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: --step attention is not a step; use one of tokens, scores, normalize, context, "
                + "qkv, mask, dropout, heads, model\n");
        assertThat(cli.run("render", "--step", "mask", "--out", dir.resolve("x.jpg").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("must end in .png or .svg");
        assertThat(cli.run("render", "--step", "model", "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("give --model CKPT --text TEXT");
        assertThat(cli.run("render", "--step", "mask", "--out", png.toString(), "--scale", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--scale 0.0 is out of range");
        assertThat(cli.run("render", "--step", "mask", "--out", png.toString(), "--scale", "9")).isEqualTo(2);
        assertThat(cli.err()).contains("at most 8");
        assertThat(cli.run("render", "--step", "context", "--out", png.toString(), "--query", "6")).isEqualTo(2);
        assertThat(cli.err()).contains("--query 6 is not a token: the text has tokens 0 to 5");
        assertThat(cli.run("render", "--step", "mask", "--out", dir.resolve("no-folder").resolve("x.png").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("cannot write").contains("the folder does not exist");
        assertThat(cli.run("render", "--step", "mask", "--out", png.toString(), "--text", "hi")).isEqualTo(2);
        assertThat(cli.err()).contains("give --model CKPT too");
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(png).doesNotExist();
    }

    @Test
    void aBadLessonOrModelIsNamed() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"tokens\": [\"a\"]");
        Path png = dir.resolve("x.png");
        assertThat(cli.run("render", "--step", "mask", "--lesson", bad.toString(), "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: " + bad);
        assertThat(cli.run("render", "--step", "qkv", "--model", checkpoint.toString(), "--text", "The", "--layer", "5",
                "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--layer 5 does not exist").contains("layers 0 to 1");
        assertThat(cli.run("render", "--step", "qkv", "--model", bad.toString(), "--text", "The", "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ").contains("bad.json");
        assertThat(cli.run("render", "--step", "qkv", "--model", checkpoint.toString(), "--text", "The", "--seed", "1",
                "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("do not apply to --model");
        assertThat(png).doesNotExist();
    }
}
