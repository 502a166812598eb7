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
import org.reportplatform.render.sources.ReportState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the site's HTML pages with the precompiled jte templates of {@code src/main/jte}.
 * Deterministic: the page is a function of the sources it reads (no time, no random id), so
 * the same state always gives the same bytes.
 *
 * <p>Unresolvable references are counted in {@code report.render.missing.references}
 * (tag {@code kind}: fig, chart, chart-inline), once per render of a page that has them.
 */
public final class PageRenderer implements OutputRenderer {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(PageRenderer.class);

    private final TemplateEngine templates;
    private final MarkdownRenderer markdown;
    private final MeterRegistry meters;

    public PageRenderer(TemplateEngine templates, MarkdownRenderer markdown, MeterRegistry meters) {
        this.templates = templates;
        this.markdown = markdown;
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
        Views.PageFrame frame = new Views.PageFrame(language, reportTitle, reportTitle, indexHref(edition), labels);
        List<Views.Link> toc = chapters.stream().map(c -> new Views.Link(chapterHref(edition, c.slug()), c.title())).toList();
        List<Views.KeyFigure> figures = sources.indicators(edition).stream()
                .map(i -> new Views.KeyFigure(i.label(), formatter.valueWithUnit(i.type(), i.value(), i.currency(), i.unit())))
                .toList();
        return Optional.of(template("index.jte", new Views.IndexView(frame, toc, figures)));
    }

    private Optional<byte[]> chapter(String edition, String slug, TrackedSources sources) {
        Optional<Chapter> found = sources.chapter(edition, slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Chapter chapter = found.get();
        Labels labels = Labels.forLanguage(chapter.language());
        ValueFormatter formatter = ValueFormatter.forLanguage(chapter.language());
        String reportTitle = labels.reportTitle(edition);
        References references = new References() {
            @Override
            public Optional<String> figure(String id) {
                return sources.indicator(edition, id).map(i -> formatter.value(i.type(), i.value(), i.currency()));
            }

            @Override
            public Optional<Dataset> dataset(String id) {
                return sources.dataset(edition, id);
            }
        };
        MarkdownRenderer.Body body = markdown.render(chapter.body(), references, formatter, labels);
        if (!body.missing().isEmpty()) {
            for (MissingReference missing : body.missing()) {
                Counter.builder("report.render.missing.references")
                        .description("References ({{fig:ID}}, {{chart:ID}}) rendered as a marker, per page render")
                        .tag("kind", switch (missing.kind()) {
                            case FIGURE -> "fig";
                            case CHART -> "chart";
                            case CHART_INLINE -> "chart-inline";
                        })
                        .register(meters)
                        .increment();
            }
            log.debug("page /{}/{} has {} unresolved reference(s): {}", edition, slug, body.missing().size(), body.missing());
        }
        SitePlan.Neighbours neighbours = sources.neighbours(edition, slug);
        Views.PageFrame frame = new Views.PageFrame(chapter.language(), chapter.title() + " · " + reportTitle, reportTitle,
                indexHref(edition), labels);
        Views.Link previous = neighbours.previous().map(c -> new Views.Link(chapterHref(edition, c.slug()), c.title())).orElse(null);
        Views.Link next = neighbours.next().map(c -> new Views.Link(chapterHref(edition, c.slug()), c.title())).orElse(null);
        return Optional.of(template("chapter.jte", new Views.ChapterView(frame, chapter.title(), body.html(), previous, next)));
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
