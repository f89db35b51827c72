package org.attentionexplorer.ui.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.attentionexplorer.attention.Lesson;
import org.attentionexplorer.attention.LessonTrace;
import org.attentionexplorer.files.AtomicFiles;
import org.attentionexplorer.model.ModelTrace;
import org.attentionexplorer.text.TokenLabels;
import org.attentionexplorer.ui.heatmap.AwtHeatmap;
import org.attentionexplorer.ui.heatmap.HeatmapLayout;
import org.attentionexplorer.ui.lesson.ContributionChart;
import org.attentionexplorer.ui.lesson.Contributions;
import org.attentionexplorer.ui.lesson.ModelSteps;
import org.attentionexplorer.ui.lesson.Step;
import org.attentionexplorer.ui.lesson.StepContent;
import org.jfree.svg.SVGGraphics2D;

/**
 * One step of the walk-through as a page for a slide or a handout: the step's title, what was traced, the formula,
 * the explanation, and its matrices as heatmaps with their titles (step 4 adds the contributions chart; step 9 is
 * the grid of every layer x head with their statistics). Laid out once, drawn with java.awt into a PNG at any
 * scale or an SVG: needs no display and no FX toolkit, so the {@code render} command runs on a server or in CI.
 */
public final class StepPage {
    /** The widest or tallest PNG written, in pixels. */
    public static final int MAX_PNG_SIDE = 16_384;

    private static final double MARGIN = 40;
    private static final double GAP = 32;
    private static final double MIN_CONTENT_WIDTH = 960;
    private static final double FLOW_WIDTH = 1600;
    private static final double TEXT_WIDTH = 1100;
    private static final double MAX_GRID = 560;
    private static final Color INK = new Color(0x1a1a1a);
    private static final Color MUTED = new Color(0x555555);
    private static final Color FORMULA_BOX = new Color(0xf0f2f5);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 30);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Font FORMULA = new Font(Font.MONOSPACED, Font.PLAIN, 19);
    private static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font PANEL_FORMULA = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final Block page;

    private StepPage(Block page) {
        this.page = page;
    }

    /** A lesson's step (not {@link Step#MODEL}, which needs a trained model). {@code query}: whose context vector step 4 takes apart. */
    public static StepPage lesson(Step step, LessonTrace trace, int query) {
        if (step == Step.MODEL) {
            throw new IllegalArgumentException("step " + step.id() + " shows a trained model, not a lesson");
        }
        Lesson lesson = trace.lesson();
        List<Block> extra = new ArrayList<>();
        if (step == Step.CONTEXT) {
            extra.add(contributions(Contributions.of(trace.simplified().attnWeights(), lesson.embeddings(), lesson.tokens(), query)));
        }
        String subtitle = lesson.name() + "  ·  " + lesson.module().bookName() + (lesson.causal() ? ", causal" : "")
                + (lesson.training() && lesson.dropout() > 0 ? String.format(Locale.ROOT, ", dropout %s", lesson.dropout()) : "")
                + (lesson.numHeads() > 1 ? ", " + lesson.numHeads() + " heads" : "");
        return of(step, subtitle, StepContent.panels(step, trace), extra);
    }

    /** A trained model's step: steps 1 to 8 on its real values for the traced text, step 9 the grid of every head. */
    public static StepPage model(Step step, ModelSteps steps, String modelName, int query) {
        ModelTrace trace = steps.trace();
        String text = String.join("", trace.tokens());
        String subtitle = modelName + "  ·  text " + TokenLabels.quote(text.length() > 80 ? text.substring(0, 80) + "..." : text)
                + (step == Step.MODEL ? "" : "  ·  layer " + steps.layer() + (step.ordinal() >= Step.QKV.ordinal() && step != Step.HEADS
                        ? ", head " + steps.head() : ""));
        if (step == Step.MODEL) {
            return new StepPage(framed(header(step, subtitle, MIN_CONTENT_WIDTH), grid(StepContent.grid(trace))));
        }
        List<Block> extra = new ArrayList<>();
        if (step == Step.CONTEXT) {
            extra.add(contributions(Contributions.of(steps.simplified().attnWeights(), ModelSteps.inputs(trace), trace.tokens(), query)));
        }
        return of(step, subtitle, StepContent.panels(step, steps), extra);
    }

    private static StepPage of(Step step, String subtitle, List<StepContent.Panel> panels, List<Block> extra) {
        List<Block> cards = new ArrayList<>();
        for (StepContent.Panel panel : panels) {
            cards.add(card(panel));
        }
        cards.addAll(extra);
        double widest = cards.stream().mapToDouble(Block::width).max().orElse(0);
        Block flow = new Block.Flow(cards, Math.max(FLOW_WIDTH, widest), GAP);
        return new StepPage(framed(header(step, subtitle, Math.max(MIN_CONTENT_WIDTH, flow.width())), flow));
    }

    /** The header and the body with the page's margins, on white. */
    private static Block framed(Block header, Block body) {
        Block content = Block.Column.of(28, header, body);
        return new Block.Boxed(content, Color.WHITE, MARGIN);
    }

    private static Block header(Step step, String subtitle, double width) {
        double textWidth = Math.min(TEXT_WIDTH, width);
        return Block.Column.of(12,
                Block.Column.of(4, Block.Text.of(step.title(), TITLE, INK, width), Block.Text.of(subtitle, SUBTITLE, MUTED, width)),
                new Block.Boxed(Block.Text.of(step.formula(), FORMULA, INK, width - 24), FORMULA_BOX, 12),
                Block.Text.of(step.explanation(), BODY, INK, textWidth));
    }

    /** A matrix with its key, title and formula above it; its grid at most {@value #MAX_GRID} wide, so two fit a row. */
    private static Block card(StepContent.Panel panel) {
        int side = Math.max(panel.data().rows(), panel.data().cols());
        double cell = Math.max(1, Math.min(HeatmapLayout.naturalCell(panel.data().rows(), panel.data().cols()), Math.floor(MAX_GRID / side)));
        AwtHeatmap heatmap = AwtHeatmap.of(panel.data().withName(panel.key()), cell);
        double width = Math.max(320, heatmap.width());
        return Block.Column.of(4, Block.Text.of(panel.key() + ": " + panel.title(), PANEL_TITLE, INK, width),
                Block.Text.of(panel.formula(), PANEL_FORMULA, MUTED, width), new Block.Heatmap(heatmap));
    }

    private static Block contributions(Contributions c) {
        String query = TokenLabels.escape(c.tokens().get(c.query()));
        return Block.Column.of(4, Block.Text.of("contributions to z(" + query + ")", PANEL_TITLE, INK, 0),
                Block.Text.of("each bar: the parts a_ij · x(j)[d] of one dimension of z(" + query + "); the dot is their sum",
                        PANEL_FORMULA, MUTED, 720),
                new Block.Chart(ContributionChart.chart(c), 720, 380));
    }

    /** Step 9: a row per layer, a thumbnail per head with its statistics, and what the numbers mean. */
    private static Block grid(List<StepContent.Thumbnail> thumbnails) {
        int heads = thumbnails.stream().mapToInt(StepContent.Thumbnail::head).max().orElse(0) + 1;
        double side = Math.max(96, Math.min(200, Math.floor(960.0 / heads)));
        List<Block> rows = new ArrayList<>();
        List<Block> row = new ArrayList<>();
        int layer = -1;
        for (StepContent.Thumbnail t : thumbnails) {
            if (t.layer() != layer) {
                if (!row.isEmpty()) {
                    rows.add(new Block.Flow(row, Double.MAX_VALUE, 16));
                }
                row = new ArrayList<>();
                layer = t.layer();
                row.add(Block.Column.of(0, Block.Text.of("layer " + layer, PANEL_TITLE, INK, 0), spacer(72, 1)));
            }
            row.add(thumbnail(t, side));
        }
        if (!row.isEmpty()) {
            rows.add(new Block.Flow(row, Double.MAX_VALUE, 16));
        }
        rows.add(Block.Text.of("Each thumbnail: one head's attention weights for the text (rows: queries, columns: keys; white 0, "
                + "deep blue 1). entropy: how spread the weights are (nats, 0 = all on one token); max: the mean largest weight; "
                + "first: the mean share on the first token; back: how many tokens back the attention lands on average.",
                SMALL, MUTED, TEXT_WIDTH));
        return new Block.Column(rows, 20);
    }

    private static Block thumbnail(StepContent.Thumbnail t, double side) {
        AwtHeatmap cells = AwtHeatmap.thumbnail(t.data(), side, side);
        String stats1 = String.format(Locale.ROOT, "entropy %.2f  max %.2f", t.stats().entropy(), t.stats().maxWeight());
        String stats2 = String.format(Locale.ROOT, "first %.0f%%  back %.1f", 100 * t.stats().firstTokenShare(), t.stats().meanDistance());
        return Block.Column.of(4, Block.Text.of("head " + t.head(), PANEL_FORMULA, INK, 0), new Block.Heatmap(cells),
                Block.Text.of(stats1 + "\n" + stats2, SMALL, MUTED, 0));
    }

    private static Block spacer(double width, double height) {
        return new Block.Space(width, height);
    }

    // ---- output

    /** The page's size in pixels at scale 1 (SVG user units). */
    public double width() {
        return page.width();
    }

    public double height() {
        return page.height();
    }

    /** Draws the page with its top left corner at the origin of {@code g}. */
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        page.draw(g);
    }

    /** The page as an image, {@code scale} pixels per unit (2 for slides). */
    public BufferedImage image(double scale) {
        int w = (int) Math.ceil(width() * scale);
        int h = (int) Math.ceil(height() * scale);
        if (!(scale > 0) || w > MAX_PNG_SIDE || h > MAX_PNG_SIDE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %.0f x %.0f page at scale %s would be %d x %d pixels (at most %d a side); choose a smaller --scale or SVG",
                    width(), height(), scale, w, h, MAX_PNG_SIDE));
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            draw(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The page as an SVG document. */
    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width(), height());
        draw(g);
        return g.getSVGDocument();
    }

    /** Writes the page as a PNG at {@code scale} (atomically: a failure leaves no half file). */
    public void writePng(Path target, double scale) throws IOException {
        BufferedImage image = image(scale);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        AtomicFiles.write(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    public void writeSvg(Path target) throws IOException {
        AtomicFiles.writeString(target, svg());
    }
}
