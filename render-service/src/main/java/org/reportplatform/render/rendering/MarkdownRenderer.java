package org.reportplatform.render.rendering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.schemas.ContentReferences;
import org.reportplatform.schemas.ContentReferences.Kind;
import org.reportplatform.schemas.ContentReferences.Reference;
import org.reportplatform.schemas.ValueFormatter;

/**
 * Renders a chapter body: CommonMark with GFM tables, references resolved, HTML sanitized.
 *
 * <p>References are resolved on the parsed document, never on the HTML: a {@code {{fig:ID}}} in
 * text becomes a text node holding the formatted value (escaped like any text, so a value can
 * never inject markup); a line holding only {@code {{chart:ID}}} becomes the dataset's figure
 * (chart and table, {@link DatasetMarkup}, added after sanitizing: the sanitizer would drop an SVG). A
 * reference that cannot be resolved becomes a visible marker and is reported in
 * {@link Body#missing()}. References inside code spans, code blocks and raw HTML are left as
 * written. Level-1 headings of the body become level 2: the chapter title is the page's h1.
 *
 * <p>Thread-safe and deterministic.
 */
public final class MarkdownRenderer {

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** The body's HTML and the references it could not resolve. */
    public record Body(String html, List<MissingReference> missing) {
    }

    /**
     * @param figures  how a chart's dataset is written (SVG for the pages, an object for the PDF)
     * @param idPrefix prefix of the ids of the body's figures, unique in the page they go in
     */
    public Body render(String markdown, References references, ValueFormatter formatter, Labels labels, DatasetMarkup figures,
            String idPrefix) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        List<MissingReference> missing = new ArrayList<>();
        demoteTopHeadings(document);
        extractCharts(document, references, labels, missing);
        substituteInText(document, references, labels, missing);
        ChartSlots slots = new ChartSlots();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .sanitizeUrls(true)
                .percentEncodeUrls(true)
                .nodeRendererFactory(context -> new ReferenceNodeRenderer(context, slots))
                .build();
        String sanitized = sanitizer.sanitize(renderer.render(document)).strip();
        return new Body(slots.fill(sanitized, figures, idPrefix, formatter, labels), List.copyOf(missing));
    }

    /** A leading heading of a body ({@code ## Sous-titre} as its first block), if it has one: a chapter's subtitle. */
    public Optional<String> leadingHeading(String markdown) {
        Node first = parser.parse(markdown == null ? "" : markdown).getFirstChild();
        if (first instanceof Heading heading && heading.getLevel() <= 3) {
            StringBuilder text = new StringBuilder();
            heading.accept(new AbstractVisitor() {
                @Override
                public void visit(Text node) {
                    text.append(node.getLiteral());
                }

                @Override
                public void visit(org.commonmark.node.Code node) {
                    text.append(node.getLiteral());
                }
            });
            String title = text.toString().strip();
            return title.isEmpty() || title.contains("{{") ? Optional.empty() : Optional.of(title);
        }
        return Optional.empty();
    }

    private static void demoteTopHeadings(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1) {
                    heading.setLevel(2);
                }
                visitChildren(heading);
            }
        });
    }

    /** Splits paragraphs so that every line holding only a chart reference becomes a block of its own. */
    private static void extractCharts(Node document, References references, Labels labels, List<MissingReference> missing) {
        List<Paragraph> paragraphs = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                paragraphs.add(paragraph);
            }
        });
        for (Paragraph paragraph : paragraphs) {
            List<Line> lines = lines(paragraph);
            if (lines.stream().noneMatch(line -> chartId(line.nodes()).isPresent())) {
                continue;
            }
            List<Node> current = new ArrayList<>();
            for (Line line : lines) {
                Optional<String> chart = chartId(line.nodes());
                if (chart.isEmpty()) {
                    if (!current.isEmpty() && line.breakBefore() != null) {
                        current.add(line.breakBefore());
                    }
                    current.addAll(line.nodes());
                    continue;
                }
                flush(paragraph, current);
                String id = chart.get();
                Optional<Dataset> dataset = references.dataset(id);
                if (dataset.isPresent()) {
                    paragraph.insertBefore(new ChartBlock(dataset.get()));
                } else {
                    missing.add(new MissingReference(MissingReference.Kind.CHART, id));
                    Paragraph marker = new Paragraph();
                    marker.appendChild(new Marker(labels.marker(labels.unknownDataset(), id)));
                    paragraph.insertBefore(marker);
                }
            }
            flush(paragraph, current);
            paragraph.unlink();
        }
    }

    private static void flush(Paragraph original, List<Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        Paragraph part = new Paragraph();
        nodes.forEach(part::appendChild);
        original.insertBefore(part);
        nodes.clear();
    }

    /** One line of a paragraph: its inline nodes and the line break that ended the line before it. */
    private record Line(Node breakBefore, List<Node> nodes) {
    }

    private static List<Line> lines(Paragraph paragraph) {
        List<Line> lines = new ArrayList<>();
        Node breakBefore = null;
        List<Node> nodes = new ArrayList<>();
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                lines.add(new Line(breakBefore, nodes));
                breakBefore = node;
                nodes = new ArrayList<>();
            } else {
                nodes.add(node);
            }
        }
        lines.add(new Line(breakBefore, nodes));
        return lines;
    }

    private static Optional<String> chartId(List<Node> line) {
        if (line.size() == 1 && line.get(0) instanceof Text text) {
            return ContentReferences.chartAlone(text.getLiteral());
        }
        return Optional.empty();
    }

    /** Replaces the references left in text (figures, and charts inside running text). */
    private static void substituteInText(Node document, References references, Labels labels, List<MissingReference> missing) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (text.getLiteral().contains("{{")) {
                    texts.add(text);
                }
            }
        });
        for (Text text : texts) {
            String literal = text.getLiteral();
            List<Reference> found = ContentReferences.in(literal);
            int from = 0;
            for (Reference reference : found) {
                if (reference.start() > from) {
                    text.insertBefore(new Text(literal.substring(from, reference.start())));
                }
                String id = reference.id();
                if (reference.kind() == Kind.FIGURE) {
                    Optional<String> value = references.figure(id);
                    if (value.isPresent()) {
                        text.insertBefore(new Text(value.get()));
                    } else {
                        missing.add(new MissingReference(MissingReference.Kind.FIGURE, id));
                        text.insertBefore(new Marker(labels.marker(labels.unknownIndicator(), id)));
                    }
                } else {
                    missing.add(new MissingReference(MissingReference.Kind.CHART_INLINE, id));
                    text.insertBefore(new Marker(labels.marker(labels.chartNotOnItsOwnLine(), id)));
                }
                from = reference.end();
            }
            if (!found.isEmpty()) {
                if (from < literal.length()) {
                    text.insertBefore(new Text(literal.substring(from)));
                }
                text.unlink();
            }
        }
    }

    /** The visible marker of a reference that could not be rendered. */
    static final class Marker extends CustomNode {
        final String label;

        Marker(String label) {
            this.label = label;
        }
    }

    /** A dataset shown as a figure: chart and table. */
    static final class ChartBlock extends CustomBlock {
        final Dataset dataset;

        ChartBlock(Dataset dataset) {
            this.dataset = dataset;
        }
    }

    private static final class ReferenceNodeRenderer implements NodeRenderer {
        private final HtmlWriter html;
        private final ChartSlots slots;

        ReferenceNodeRenderer(HtmlNodeRendererContext context, ChartSlots slots) {
            this.html = context.getWriter();
            this.slots = slots;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Marker.class, ChartBlock.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Marker marker) {
                html.tag("span", Map.of("class", "missing-ref"));
                html.text(marker.label);
                html.tag("/span");
            } else if (node instanceof ChartBlock chart) {
                html.line();
                html.tag("p");
                html.text(slots.add(chart.dataset));
                html.tag("/p");
                html.line();
            }
        }
    }

    /**
     * The charts of one body. A chart is written as a paragraph holding a placeholder only this
     * render knows (a random nonce: an author cannot forge one), and after sanitizing each placeholder
     * paragraph is replaced by the dataset's figure, written by trusted code.
     */
    private static final class ChartSlots {
        private final String nonce = "chart-slot-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-";
        private final List<Dataset> datasets = new ArrayList<>();

        String add(Dataset dataset) {
            datasets.add(dataset);
            return nonce + (datasets.size() - 1);
        }

        String fill(String sanitized, DatasetMarkup figures, String idPrefix, ValueFormatter formatter, Labels labels) {
            if (datasets.isEmpty()) {
                return sanitized;
            }
            Map<String, Integer> occurrences = new HashMap<>();
            String html = sanitized;
            for (int i = 0; i < datasets.size(); i++) {
                Dataset dataset = datasets.get(i);
                int n = occurrences.merge(dataset.id(), 1, Integer::sum);
                String id = idPrefix + dataset.id() + (n > 1 ? "-" + n : "");
                String slot = "<p>" + nonce + i + "</p>";
                int at = html.indexOf(slot);
                if (at < 0) {
                    throw new IllegalStateException("the sanitizer did not keep the placeholder of chart " + dataset.id());
                }
                html = html.substring(0, at) + figures.figure(dataset, id, formatter, labels) + html.substring(at + slot.length());
            }
            return html;
        }
    }
}
