package org.reportplatform.render.rendering;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.OutputRenderer;
import org.reportplatform.render.site.SitePlan;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.Edition;
import org.reportplatform.render.sources.Indicator;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.Translation;
import org.reportplatform.schemas.ValueFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the site's HTML pages with the precompiled jte templates of {@code src/main/jte}: the
 * index, the chapters, the key figures ({@code /{edition}/chiffres-cles}) and the finance page
 * ({@code /{edition}/finances}, every dataset as a chart and a table), in the edition's source
 * language and in each of its target languages ({@code /{edition}/{language}/…}), and the list of
 * public editions ({@code /editions}). An edition in preparation has no page.
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

    /** What a key figure not entered yet shows (an edition copied from another one, not public until its figures are). */
    static final String NOT_ENTERED = "\u2014";

    /** The day an erratum was made is the day in Geneva, where the organisation corrects its report. */
    static final ZoneId REPORT_ZONE = ZoneId.of("Europe/Zurich");

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
        if (id instanceof OutputId.EditionsPage) {
            page = Optional.of(editions(sources));
        } else {
            Optional<LanguageVersion> version = version(id.edition(), id.language(), sources);
            if (version.isEmpty()) {
                page = Optional.empty();
            } else if (id instanceof OutputId.IndexPage) {
                page = index(version.get(), sources);
            } else if (id instanceof OutputId.ChapterPage chapter) {
                page = chapter(version.get(), chapter.slug(), sources);
            } else if (id instanceof OutputId.KeyFiguresPage keyFigures) {
                page = keyFigures(version.get(), keyFigures.number(), sources);
            } else if (id instanceof OutputId.FinancePage) {
                page = finances(version.get(), sources);
            } else {
                page = Optional.empty();
            }
        }
        return page.map(bytes -> new Rendered(CONTENT_TYPE, bytes, sources.used()));
    }

    /**
     * The language version an output of {@code edition} in {@code language} (null: the source) is
     * written in; empty when the edition is not public (in preparation, or unknown) or does not
     * have that language: then the output does not exist.
     */
    static Optional<LanguageVersion> version(String edition, String language, TrackedSources sources) {
        return sources.edition(edition)
                .filter(Edition::isPublic)
                .filter(e -> language == null || e.isTarget(language))
                .map(e -> new LanguageVersion(e, language));
    }

    private byte[] editions(TrackedSources sources) {
        Labels labels = Labels.FRENCH;
        List<Edition> editions = sources.publicEditions();
        List<Views.EditionEntry> entries = new java.util.ArrayList<>();
        for (Edition edition : editions) {
            LanguageVersion source = new LanguageVersion(edition, null);
            List<Views.LanguageLink> languages = source.languages(l -> new OutputId.IndexPage(edition.edition(), l).path()).links();
            entries.add(new Views.EditionEntry(edition.edition(), source.reportTitle(), edition.sourceLanguage(), languages));
        }
        Views.SiteLinks links = editions.isEmpty() ? null : links(editions.get(0).edition(), null);
        Views.PageFrame frame = new Views.PageFrame("fr", labels.editions(), labels.editions(), links, null, labels, Views.Languages.NONE);
        return template("editions.jte", new Views.EditionsView(frame, entries));
    }

    private Optional<byte[]> index(LanguageVersion version, TrackedSources sources) {
        String edition = version.edition().edition();
        List<Chapter> chapters = version.isSource() ? sources.chapters(edition) : sources.chapterOrder(edition);
        if (chapters.isEmpty()) {
            return Optional.empty();
        }
        String language = version.isSource() ? chapters.get(0).language() : version.lang();
        Labels labels = version.labels();
        ValueFormatter formatter = version.formatter();
        String reportTitle = version.reportTitle();
        Views.PageFrame frame = frame(version, language, reportTitle, Views.PageFrame.CURRENT_INDEX,
                l -> new OutputId.IndexPage(edition, l).path());
        List<Views.Link> toc = chapters.stream().map(c -> link(version, c, sources)).toList();
        List<Views.KeyFigure> keyFigures = sources.firstIndicators(edition, INDEX_KEY_FIGURES).stream()
                .map(i -> i.in(version.target()))
                .map(i -> new Views.KeyFigure(i.label(), valueWithUnit(formatter, i)))
                .toList();
        ChapterText first = text(version, chapters.get(0), sources, false);
        String subtitle = markdown.leadingHeading(first.body()).orElse(null);
        return Optional.of(template("index.jte", new Views.IndexView(frame, subtitle, toc, keyFigures, sources.indicatorCount(edition))));
    }

    private Optional<byte[]> chapter(LanguageVersion version, String slug, TrackedSources sources) {
        return chapterPage(version, slug, sources).map(page -> {
            count(page.missing(), meters);
            if (!page.missing().isEmpty()) {
                log.debug("page /{}/{} has {} unresolved reference(s): {}", version.edition().edition(), slug, page.missing().size(),
                        page.missing());
            }
            return page.html();
        });
    }

    /** A chapter page as rendered, and the references it could not resolve (in the order of the text). */
    public record ChapterPage(byte[] html, List<MissingReference> missing) {
    }

    /**
     * The page of chapter {@code slug} of {@code state} in {@code language} (null: the source
     * language), exactly as {@link #render} writes it, with its unresolved references; nothing
     * counted in the metrics (a studio or draft preview, not the site). Empty when the state has no
     * such chapter. Rendered even when the edition is not public yet: a draft of an edition in
     * preparation has a preview too.
     */
    public Optional<ChapterPage> chapterPage(String edition, String language, String slug, ReportState state) {
        TrackedSources sources = new TrackedSources(state);
        Optional<Edition> found = sources.edition(edition);
        Edition view = found.orElseGet(() -> Edition.implicit(edition, state.chapter(edition, slug).map(Chapter::language).orElse("fr")));
        return chapterPage(new LanguageVersion(view, language), slug, sources);
    }

    private Optional<ChapterPage> chapterPage(LanguageVersion version, String slug, TrackedSources sources) {
        String edition = version.edition().edition();
        Optional<Chapter> found = version.isSource() ? sources.chapter(edition, slug) : sources.chapterInOrder(edition, slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Chapter chapter = found.get();
        ChapterText text = text(version, chapter, sources, true);
        String language = version.isSource() ? chapter.language() : version.lang();
        Labels labels = Labels.forLanguage(language);
        // An untranslated chapter is the source's text: written, numbers included, in its language.
        ValueFormatter formatter = ValueFormatter.forLanguage(text.lang());
        Labels textLabels = Labels.forLanguage(text.lang());
        String textTarget = text.lang().equals(version.lang()) ? version.target() : null;
        MarkdownRenderer.Body body = markdown.render(text.body(), references(edition, sources, formatter, textTarget), formatter, textLabels,
                figures, "chart-");
        SitePlan.Neighbours neighbours = version.isSource() ? sources.neighbours(edition, slug) : sources.neighboursInOrder(edition, slug);
        Views.PageFrame frame = frame(version, language, text.title() + " · " + version.reportTitle(), null,
                l -> new OutputId.ChapterPage(edition, l, slug).path());
        Views.Link previous = neighbours.previous().map(c -> link(version, c, sources)).orElse(null);
        Views.Link next = neighbours.next().map(c -> link(version, c, sources)).orElse(null);
        String notice = text.translated() || version.isSource() ? null : labels.untranslated(version.lang(), text.lang());
        String staleNotice = text.stale() ? labels.staleNotice() : null;
        List<Views.Erratum> errata = errata(version, chapter, text, sources);
        byte[] html = template("chapter.jte", new Views.ChapterView(frame, text.title(), body.html(), previous, next, text.lang(), notice,
                staleNotice, errata));
        return Optional.of(new ChapterPage(html, body.missing()));
    }

    /**
     * A chapter's text as a language version shows it: the source's in the source language; in a
     * target language its translation when written (with whether it is stale, when the edition says
     * so), else the source's text, in the source's language.
     */
    record ChapterText(String title, String body, String lang, boolean translated, boolean stale) {
    }

    static ChapterText text(LanguageVersion version, Chapter chapter, TrackedSources sources, boolean withStatus) {
        if (!version.isSource()) {
            Optional<Translation> translation = sources.translation(chapter.edition(), chapter.slug(), version.target())
                    .filter(Translation::isWritten);
            if (translation.isPresent()) {
                boolean stale = withStatus && version.edition().staleNotice()
                        && sources.stale(chapter.edition(), chapter.slug(), version.target());
                return new ChapterText(translation.get().title(), translation.get().body(), version.target(), true, stale);
            }
        }
        sources.chapter(chapter.edition(), chapter.slug());
        return new ChapterText(chapter.title(), chapter.body(), chapter.language(), false, false);
    }

    /** « Corrigé le 5 décembre 2026 : … » for each erratum, the date in the page's language, the note in the source's. */
    static List<Views.Erratum> errata(LanguageVersion version, Chapter chapter, ChapterText text, TrackedSources sources) {
        List<Chapter.Erratum> errata = text.translated() ? sources.errata(chapter.edition(), chapter.slug()) : chapter.errata();
        Labels labels = version.labels();
        ValueFormatter formatter = version.formatter();
        String noteLang = chapter.language().equals(version.lang()) ? null : chapter.language();
        return errata.stream()
                .map(e -> new Views.Erratum(labels.corrected(formatter.date(LocalDate.ofInstant(e.at(), REPORT_ZONE))), e.note(), noteLang))
                .toList();
    }

    private static Views.Link link(LanguageVersion version, Chapter chapter, TrackedSources sources) {
        String title = sources.title(chapter, version.target());
        boolean inSource = version.isSource() || sources.translation(chapter.edition(), chapter.slug(), version.target())
                .filter(Translation::isWritten).isEmpty();
        String lang = inSource && !chapter.language().equals(version.isSource() ? chapter.language() : version.lang()) ? chapter.language() : null;
        return new Views.Link(new OutputId.ChapterPage(chapter.edition(), version.target(), chapter.slug()).path(), title, lang);
    }

    private Optional<byte[]> keyFigures(LanguageVersion version, int number, TrackedSources sources) {
        String edition = version.edition().edition();
        String language = pageLanguage(version, sources);
        if (language == null) {
            return Optional.empty();
        }
        int count = OutputId.KeyFiguresPage.count(sources.indicatorCount(edition));
        if (number > count) {
            return Optional.empty();
        }
        Labels labels = version.labels();
        ValueFormatter formatter = version.formatter();
        String title = labels.keyFigures() + (count > 1 ? " (" + number + "/" + count + ")" : "");
        Views.PageFrame frame = frame(version, language, title + " · " + version.reportTitle(), Views.PageFrame.CURRENT_KEY_FIGURES,
                l -> new OutputId.KeyFiguresPage(edition, l, number).path());
        List<Views.KeyFigureRow> rows = keyFigureRows(sources.indicatorsPage(edition, number, OutputId.KeyFiguresPage.PER_PAGE), formatter,
                version.target());
        List<Views.PageLink> pages = new java.util.ArrayList<>();
        for (int n = 1; count > 1 && n <= count; n++) {
            pages.add(new Views.PageLink(new OutputId.KeyFiguresPage(edition, version.target(), n).path(), n, n == number));
        }
        return Optional.of(template("key-figures.jte", new Views.KeyFiguresView(frame, rows, pages)));
    }

    private Optional<byte[]> finances(LanguageVersion version, TrackedSources sources) {
        String edition = version.edition().edition();
        String language = pageLanguage(version, sources);
        if (language == null) {
            return Optional.empty();
        }
        Labels labels = version.labels();
        ValueFormatter formatter = version.formatter();
        Views.PageFrame frame = frame(version, language, labels.finances() + " · " + version.reportTitle(),
                Views.PageFrame.CURRENT_FINANCES, l -> new OutputId.FinancePage(edition, l).path());
        List<String> html = sources.datasets(edition).stream()
                .map(d -> figures.figure(d.in(version.target()), "chart-" + d.id(), formatter, labels))
                .toList();
        return Optional.of(template("finances.jte", new Views.FinanceView(frame, html)));
    }

    /** The language of a page that belongs to no chapter: the edition's (its first chapter's) in the source, the target's otherwise. */
    private static String pageLanguage(LanguageVersion version, TrackedSources sources) {
        String source = sources.language(version.edition().edition());
        return source == null ? null : version.isSource() ? source : version.lang();
    }

    /** Every indicator as the key-figures page and the PDF list it. */
    static List<Views.KeyFigureRow> keyFigureRows(List<Indicator> indicators, ValueFormatter formatter, String language) {
        return indicators.stream()
                .map(i -> i.in(language))
                .map(i -> new Views.KeyFigureRow(i.id(), i.label(), value(formatter, i), orEmpty(i.unit()), orEmpty(i.period()),
                        orEmpty(i.source())))
                .toList();
    }

    /** An indicator's value in a language; a dash while not entered yet (an edition copied from another one). */
    static String value(ValueFormatter formatter, Indicator i) {
        return i.hasValue() || i.type() == org.reportplatform.schemas.IndicatorType.TEXT
                ? formatter.value(i.type(), i.value(), i.currency()) : NOT_ENTERED;
    }

    private static String valueWithUnit(ValueFormatter formatter, Indicator i) {
        return i.hasValue() || i.type() == org.reportplatform.schemas.IndicatorType.TEXT
                ? formatter.valueWithUnit(i.type(), i.value(), i.currency(), i.unit()) : NOT_ENTERED;
    }

    /**
     * {@code {{fig:ID}}} and {@code {{chart:ID}}} of a chapter of {@code edition}, each lookup
     * recorded; the datasets' words in {@code language} (null: the source's).
     */
    static References references(String edition, TrackedSources sources, ValueFormatter formatter, String language) {
        return new References() {
            @Override
            public Optional<String> figure(String id) {
                return sources.indicator(edition, id).map(i -> value(formatter, i));
            }

            @Override
            public Optional<Dataset> dataset(String id) {
                return sources.dataset(edition, id).map(d -> d.in(language));
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

    private static Views.PageFrame frame(LanguageVersion version, String language, String documentTitle, String current,
            java.util.function.Function<String, String> pathIn) {
        return new Views.PageFrame(language, documentTitle, version.reportTitle(), links(version.edition().edition(), version.target()),
                current, version.labels(), version.languages(pathIn));
    }

    static Views.SiteLinks links(String edition, String language) {
        return new Views.SiteLinks(new OutputId.IndexPage(edition, language).path(), new OutputId.KeyFiguresPage(edition, language, 1).path(),
                new OutputId.FinancePage(edition, language).path(), new OutputId.ReportDocument(edition, language).path());
    }

    private byte[] template(String name, Object view) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render(name, view, output);
        return output.toByteArray();
    }


}
