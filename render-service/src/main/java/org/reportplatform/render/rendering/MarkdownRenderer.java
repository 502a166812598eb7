package org.reportplatform.render.rendering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Renders a chapter body: CommonMark with GFM tables, references resolved, HTML sanitized.
 *
 * <p>References are resolved on the parsed document, never on the HTML: a {@code {{fig:ID}}} in
 * text becomes a text node holding the formatted value (escaped like any text, so a value can
 * never inject markup); a line holding only {@code {{chart:ID}}} becomes a table block. A
 * reference that cannot be resolved becomes a visible marker and is reported in
 * {@link Body#missing()}. References inside code spans, code blocks and raw HTML are left as
 * written. Level-1 headings of the body become level 2: the chapter title is the page's h1.
 *
 * <p>Thread-safe and deterministic.
 */
public final class MarkdownRenderer {

    static final Pattern REFERENCE = Pattern.compile("\\{\\{(fig|chart):([^{}]*)\\}\\}");
    private static final Pattern CHART_LINE = Pattern.compile("\\s*\\{\\{chart:([^{}]*)\\}\\}\\s*");

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** The body's HTML and the references it could not resolve. */
    public record Body(String html, List<MissingReference> missing) {
    }

    public Body render(String markdown, References references, ValueFormatter formatter, Labels labels) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        List<MissingReference> missing = new ArrayList<>();
        demoteTopHeadings(document);
        extractCharts(document, references, labels, missing);
        substituteInText(document, references, labels, missing);
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .sanitizeUrls(true)
                .percentEncodeUrls(true)
                .nodeRendererFactory(context -> new ReferenceNodeRenderer(context, formatter, labels))
                .build();
        return new Body(sanitizer.sanitize(renderer.render(document)).strip(), List.copyOf(missing));
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
            Matcher m = CHART_LINE.matcher(text.getLiteral());
            if (m.matches()) {
                return Optional.of(m.group(1).strip());
            }
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
            Matcher m = REFERENCE.matcher(literal);
            int from = 0;
            boolean found = false;
            while (m.find()) {
                found = true;
                if (m.start() > from) {
                    text.insertBefore(new Text(literal.substring(from, m.start())));
                }
                String id = m.group(2).strip();
                if (m.group(1).equals("fig")) {
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
                from = m.end();
            }
            if (found) {
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

    /** A dataset shown as a table (a chart, later). */
    static final class ChartBlock extends CustomBlock {
        final Dataset dataset;

        ChartBlock(Dataset dataset) {
            this.dataset = dataset;
        }
    }

    private static final class ReferenceNodeRenderer implements NodeRenderer {
        private final HtmlWriter html;
        private final ValueFormatter formatter;
        private final Labels labels;

        ReferenceNodeRenderer(HtmlNodeRendererContext context, ValueFormatter formatter, Labels labels) {
            this.html = context.getWriter();
            this.formatter = formatter;
            this.labels = labels;
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
                table(chart.dataset);
            }
        }

        private void table(Dataset dataset) {
            List<Dataset.Column> columns = dataset.columns();
            boolean rowHeaders = !columns.isEmpty() && !columns.get(0).numeric();
            html.line();
            html.tag("table", Map.of("class", "dataset"));
            html.line();
            html.tag("caption");
            html.text(dataset.title());
            html.tag("/caption");
            html.line();
            html.tag("thead");
            html.tag("tr");
            for (Dataset.Column column : columns) {
                html.tag("th", attributes("scope", "col", "class", column.numeric() ? "num" : null));
                html.text(column.name());
                html.tag("/th");
            }
            html.tag("/tr");
            html.tag("/thead");
            html.line();
            html.tag("tbody");
            html.line();
            for (List<String> row : dataset.rows()) {
                html.tag("tr");
                for (int c = 0; c < columns.size(); c++) {
                    boolean numeric = columns.get(c).numeric();
                    String cell = numeric ? formatter.number(row.get(c)) : row.get(c);
                    if (c == 0 && rowHeaders) {
                        html.tag("th", Map.of("scope", "row"));
                        html.text(cell);
                        html.tag("/th");
                    } else {
                        html.tag("td", numeric ? Map.of("class", "num") : Map.of());
                        html.text(cell);
                        html.tag("/td");
                    }
                }
                html.tag("/tr");
                html.line();
            }
            html.tag("/tbody");
            html.line();
            html.tag("/table");
            html.line();
            List<String> notes = new ArrayList<>();
            if (dataset.unit() != null && !dataset.unit().isBlank()) {
                notes.add(labels.unit() + labels.colon() + dataset.unit().strip());
            }
            if (dataset.source() != null && !dataset.source().isBlank()) {
                notes.add(labels.source() + labels.colon() + dataset.source().strip());
            }
            if (!notes.isEmpty()) {
                html.tag("p", Map.of("class", "dataset-note"));
                html.text(String.join(". ", notes));
                html.tag("/p");
                html.line();
            }
        }

        private static Map<String, String> attributes(String... pairs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i + 1] != null) {
                    map.put(pairs[i], pairs[i + 1]);
                }
            }
            return map;
        }
    }
}
