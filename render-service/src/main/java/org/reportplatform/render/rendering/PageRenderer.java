package org.reportplatform.render.rendering;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.OutputRenderer;
import org.reportplatform.render.site.SitePlan;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.Indicator;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.schemas.ValueFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the site's HTML pages with the precompiled jte templates of {@code src/main/jte}: the
 * index, the chapters, the key figures ({@code /{edition}/chiffres-cles}) and the finance page
 * ({@code /{edition}/finances}, every dataset as a chart and a table).
 * Deterministic: the page is a function of the sources it reads (no time, no random id), so
 * the same state always gives the same bytes.
 *
 * <p>Unresolvable references are counted in {@code report.render.missing.references}
 * (tag {@code kind}: fig, chart, chart-inline), once per render of a page that has them.
 */
public final class PageRenderer implements OutputRenderer {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(PageRenderer.class);

    /** How many key figures the index shows (the first by id); the key-figures page has them all. */
    public static final int INDEX_KEY_FIGURES = 12;

    private final TemplateEngine templates;
    private final MarkdownRenderer markdown;
    private final DatasetMarkup figures;
    private final MeterRegistry meters;

    public PageRenderer(TemplateEngine templates, MarkdownRenderer markdown, ChartRenderer charts, MeterRegistry meters) {
        this.templates = templates;
        this.markdown = markdown;
        this.figures = DatasetMarkup.forPages(charts);
        this.meters = meters;
    }

    @Override
    public Optional<Rendered> render(OutputId id, ReportState state) {
        TrackedSources sources = new TrackedSources(state);
        Optional<byte[]> page;
        if (id instanceof OutputId.IndexPage index) {
            page = index(index.edition(), sources);
        } else if (id instanceof OutputId.ChapterPage chapter) {
            page = chapter(chapter.edition(), chapter.slug(), sources);
        } else if (id instanceof OutputId.KeyFiguresPage keyFigures) {
            page = keyFigures(keyFigures.edition(), keyFigures.number(), sources);
        } else if (id instanceof OutputId.FinancePage finances) {
            page = finances(finances.edition(), sources);
        } else {
            page = Optional.empty();
        }
        return page.map(bytes -> new Rendered(CONTENT_TYPE, bytes, sources.used()));
    }

    private Optional<byte[]> index(String edition, TrackedSources sources) {
        List<Chapter> chapters = sources.chapters(edition);
        if (chapters.isEmpty()) {
            return Optional.empty();
        }
        String language = chapters.get(0).language();
        Labels labels = Labels.forLanguage(language);
        ValueFormatter formatter = ValueFormatter.forLanguage(language);
        String reportTitle = labels.reportTitle(edition);
        Views.PageFrame frame = frame(edition, language, reportTitle, Views.PageFrame.CURRENT_INDEX, labels);
        List<Views.Link> toc = chapters.stream().map(c -> new Views.Link(chapterHref(edition, c.slug()), c.title())).toList();
        List<Views.KeyFigure> keyFigures = sources.firstIndicators(edition, INDEX_KEY_FIGURES).stream()
                .map(i -> new Views.KeyFigure(i.label(), formatter.valueWithUnit(i.type(), i.value(), i.currency(), i.unit())))
                .toList();
        String subtitle = markdown.leadingHeading(chapters.get(0).body()).orElse(null);
        return Optional.of(template("index.jte", new Views.IndexView(frame, subtitle, toc, keyFigures, sources.indicatorCount(edition))));
    }

    private Optional<byte[]> chapter(String edition, String slug, TrackedSources sources) {
        return chapterPage(edition, slug, sources).map(page -> {
            count(page.missing(), meters);
            if (!page.missing().isEmpty()) {
                log.debug("page /{}/{} has {} unresolved reference(s): {}", edition, slug, page.missing().size(), page.missing());
            }
            return page.html();
        });
    }

    /** A chapter page as rendered, and the references it could not resolve (in the order of the text). */
    public record ChapterPage(byte[] html, List<MissingReference> missing) {
    }

    /**
     * The page of chapter {@code slug} of {@code state}, exactly as {@link #render} writes it, with
     * its unresolved references; nothing counted in the metrics (a studio preview, not the site).
     * Empty when the state has no such chapter.
     */
    public Optional<ChapterPage> chapterPage(String edition, String slug, ReportState state) {
        return chapterPage(edition, slug, new TrackedSources(state));
    }

    private Optional<ChapterPage> chapterPage(String edition, String slug, TrackedSources sources) {
        Optional<Chapter> found = sources.chapter(edition, slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Chapter chapter = found.get();
        Labels labels = Labels.forLanguage(chapter.language());
        ValueFormatter formatter = ValueFormatter.forLanguage(chapter.language());
        String reportTitle = labels.reportTitle(edition);
        MarkdownRenderer.Body body = markdown.render(chapter.body(), references(edition, sources, formatter), formatter, labels, figures,
                "chart-");
        SitePlan.Neighbours neighbours = sources.neighbours(edition, slug);
        Views.PageFrame frame = frame(edition, chapter.language(), chapter.title() + " · " + reportTitle, null, labels);
        Views.Link previous = neighbours.previous().map(c -> new Views.Link(chapterHref(edition, c.slug()), c.title())).orElse(null);
        Views.Link next = neighbours.next().map(c -> new Views.Link(chapterHref(edition, c.slug()), c.title())).orElse(null);
        byte[] html = template("chapter.jte", new Views.ChapterView(frame, chapter.title(), body.html(), previous, next));
        return Optional.of(new ChapterPage(html, body.missing()));
    }

    private Optional<byte[]> keyFigures(String edition, int number, TrackedSources sources) {
        String language = sources.language(edition);
        if (language == null) {
            return Optional.empty();
        }
        int count = OutputId.KeyFiguresPage.count(sources.indicatorCount(edition));
        if (number > count) {
            return Optional.empty();
        }
        Labels labels = Labels.forLanguage(language);
        ValueFormatter formatter = ValueFormatter.forLanguage(language);
        String title = labels.keyFigures() + (count > 1 ? " (" + number + "/" + count + ")" : "");
        Views.PageFrame frame = frame(edition, language, title + " · " + labels.reportTitle(edition),
                Views.PageFrame.CURRENT_KEY_FIGURES, labels);
        List<Views.KeyFigureRow> rows = keyFigureRows(sources.indicatorsPage(edition, number, OutputId.KeyFiguresPage.PER_PAGE), formatter);
        List<Views.PageLink> pages = new java.util.ArrayList<>();
        for (int n = 1; count > 1 && n <= count; n++) {
            pages.add(new Views.PageLink(new OutputId.KeyFiguresPage(edition, n).path(), n, n == number));
        }
        return Optional.of(template("key-figures.jte", new Views.KeyFiguresView(frame, rows, pages)));
    }

    private Optional<byte[]> finances(String edition, TrackedSources sources) {
        String language = sources.language(edition);
        if (language == null) {
            return Optional.empty();
        }
        Labels labels = Labels.forLanguage(language);
        ValueFormatter formatter = ValueFormatter.forLanguage(language);
        Views.PageFrame frame = frame(edition, language, labels.finances() + " · " + labels.reportTitle(edition),
                Views.PageFrame.CURRENT_FINANCES, labels);
        List<String> html = sources.datasets(edition).stream()
                .map(d -> figures.figure(d, "chart-" + d.id(), formatter, labels))
                .toList();
        return Optional.of(template("finances.jte", new Views.FinanceView(frame, html)));
    }

    /** Every indicator as the key-figures page and the PDF list it. */
    static List<Views.KeyFigureRow> keyFigureRows(List<Indicator> indicators, ValueFormatter formatter) {
        return indicators.stream()
                .map(i -> new Views.KeyFigureRow(i.id(), i.label(), formatter.value(i.type(), i.value(), i.currency()), orEmpty(i.unit()),
                        orEmpty(i.period()), orEmpty(i.source())))
                .toList();
    }

    /** {@code {{fig:ID}}} and {@code {{chart:ID}}} of a chapter of {@code edition}, each lookup recorded. */
    static References references(String edition, TrackedSources sources, ValueFormatter formatter) {
        return new References() {
            @Override
            public Optional<String> figure(String id) {
                return sources.indicator(edition, id).map(i -> formatter.value(i.type(), i.value(), i.currency()));
            }

            @Override
            public Optional<Dataset> dataset(String id) {
                return sources.dataset(edition, id);
            }
        };
    }

    /** Counts unresolved references in {@code report.render.missing.references{kind}}. */
    static void count(List<MissingReference> missing, MeterRegistry meters) {
        for (MissingReference m : missing) {
            Counter.builder("report.render.missing.references")
                    .description("References ({{fig:ID}}, {{chart:ID}}) rendered as a marker, per render of a page or document")
                    .tag("kind", switch (m.kind()) {
                        case FIGURE -> "fig";
                        case CHART -> "chart";
                        case CHART_INLINE -> "chart-inline";
                    })
                    .register(meters)
                    .increment();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static Views.PageFrame frame(String edition, String language, String documentTitle, String current, Labels labels) {
        return new Views.PageFrame(language, documentTitle, labels.reportTitle(edition), links(edition), current, labels);
    }

    static Views.SiteLinks links(String edition) {
        return new Views.SiteLinks(new OutputId.IndexPage(edition).path(), new OutputId.KeyFiguresPage(edition, 1).path(),
                new OutputId.FinancePage(edition).path(), new OutputId.ReportDocument(edition).path());
    }

    private byte[] template(String name, Object view) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render(name, view, output);
        return output.toByteArray();
    }

    static String indexHref(String edition) {
        return new OutputId.IndexPage(edition).path();
    }

    static String chapterHref(String edition, String slug) {
        return new OutputId.ChapterPage(edition, slug).path();
    }
}
