package org.attentionexplorer.ui.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.attentionexplorer.ui.heatmap.AwtHeatmap;
import org.jfree.chart.JFreeChart;

/**
 * One rectangle of a page, drawn with java.awt at the graphics' origin: text, a heatmap, a chart, or blocks stacked
 * or flowed. Sizes are fixed when a block is made, so a page is laid out once and drawn onto any surface (a
 * {@code BufferedImage}, an SVG).
 */
interface Block {
    /** Text measured as it will be drawn: fractional metrics, antialiased. */
    FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    double width();

    double height();

    void draw(Graphics2D g);

    /** Draws {@code block} with its top left corner at (x, y). */
    static void drawAt(Graphics2D g, Block block, double x, double y) {
        AffineTransform saved = g.getTransform();
        try {
            g.translate(x, y);
            block.draw(g);
        } finally {
            g.setTransform(saved);
        }
    }

    /** Lines of text in one font and colour, wrapped at {@code maxWidth} (0: never). */
    record Text(List<String> lines, Font font, Color color, double lineHeight, double width) implements Block {
        static Text of(String text, Font font, Color color, double maxWidth) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                lines.addAll(maxWidth > 0 ? wrap(paragraph, font, maxWidth) : List.of(paragraph));
            }
            double width = 0;
            for (String line : lines) {
                width = Math.max(width, measure(line, font));
            }
            return new Text(List.copyOf(lines), font, color, Math.ceil(font.getSize2D() * 1.35), Math.ceil(width));
        }

        @Override
        public double height() {
            return lines.size() * lineHeight;
        }

        @Override
        public void draw(Graphics2D g) {
            g.setFont(font);
            g.setColor(color);
            double ascent = font.getLineMetrics("Xg", MEASURE).getAscent();
            double lead = (lineHeight - font.getSize2D()) / 2;
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), 0f, (float) (i * lineHeight + lead + ascent));
            }
        }

        static double measure(String text, Font font) {
            return text.isEmpty() ? 0 : font.getStringBounds(text, MEASURE).getWidth();
        }

        /** Words put on lines no wider than {@code maxWidth}; a word longer than a line gets a line of its own. */
        static List<String> wrap(String paragraph, Font font, double maxWidth) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && measure(candidate, font) > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }
    }

    /** A heatmap as the exporter draws it. */
    record Heatmap(AwtHeatmap heatmap) implements Block {
        @Override
        public double width() {
            return heatmap.width();
        }

        @Override
        public double height() {
            return heatmap.height();
        }

        @Override
        public void draw(Graphics2D g) {
            heatmap.draw(g);
        }
    }

    /** A JFreeChart drawn into a fixed rectangle. */
    record Chart(JFreeChart chart, double width, double height) implements Block {
        @Override
        public void draw(Graphics2D g) {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        }
    }

    /** Nothing, taking room. */
    record Space(double width, double height) implements Block {
        @Override
        public void draw(Graphics2D g) {
        }
    }

    /** A filled rectangle behind a block, with a margin: the formula's box. */
    record Boxed(Block content, Color fill, double margin) implements Block {
        @Override
        public double width() {
            return content.width() + 2 * margin;
        }

        @Override
        public double height() {
            return content.height() + 2 * margin;
        }

        @Override
        public void draw(Graphics2D g) {
            g.setColor(fill);
            g.fill(new Rectangle2D.Double(0, 0, width(), height()));
            drawAt(g, content, margin, margin);
        }
    }

    /** Blocks one below the other, left-aligned, {@code gap} apart. */
    record Column(List<Block> blocks, double gap) implements Block {
        static Column of(double gap, Block... blocks) {
            return new Column(List.of(blocks), gap);
        }

        @Override
        public double width() {
            return blocks.stream().mapToDouble(Block::width).max().orElse(0);
        }

        @Override
        public double height() {
            return blocks.stream().mapToDouble(Block::height).sum() + gap * Math.max(0, blocks.size() - 1);
        }

        @Override
        public void draw(Graphics2D g) {
            double y = 0;
            for (Block block : blocks) {
                drawAt(g, block, 0, y);
                y += block.height() + gap;
            }
        }
    }

    /** Blocks left to right, onto a new row when the next would pass {@code maxWidth}; rows {@code gap} apart. */
    final class Flow implements Block {
        private final List<Block> blocks;
        private final double[] xs;
        private final double[] ys;
        private final double width;
        private final double height;

        Flow(List<Block> blocks, double maxWidth, double gap) {
            this.blocks = List.copyOf(blocks);
            xs = new double[blocks.size()];
            ys = new double[blocks.size()];
            double x = 0;
            double y = 0;
            double rowHeight = 0;
            double widest = 0;
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (x > 0 && x + b.width() > maxWidth) {
                    x = 0;
                    y += rowHeight + gap;
                    rowHeight = 0;
                }
                xs[i] = x;
                ys[i] = y;
                x += b.width() + gap;
                rowHeight = Math.max(rowHeight, b.height());
                widest = Math.max(widest, xs[i] + b.width());
            }
            width = widest;
            height = blocks.isEmpty() ? 0 : y + rowHeight;
        }

        @Override
        public double width() {
            return width;
        }

        @Override
        public double height() {
            return height;
        }

        @Override
        public void draw(Graphics2D g) {
            for (int i = 0; i < blocks.size(); i++) {
                drawAt(g, blocks.get(i), xs[i], ys[i]);
            }
        }
    }
}
