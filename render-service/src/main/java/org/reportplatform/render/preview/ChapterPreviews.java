package org.reportplatform.render.preview;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.render.rendering.MissingReference;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.EventInfo;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceRef;
import org.reportplatform.render.sources.Translation;
import org.reportplatform.render.sources.Versioned;

/**
 * Renders a chapter as it would be with another title and body: the same {@link PageRenderer} as
 * the site, on a copy of the edition's current sources (indicators, datasets, the other chapters)
 * in which this chapter is replaced, or added after the last one in the edition's language when it
 * does not exist yet. The site's state is not touched: the copy is the caller's.
 *
 * <p>One code path for both previews: the studio's, of the text being typed
 * ({@link #preview}, nothing published, timed in {@code report.render.preview}), and the open
 * drafts' ({@link #render}, published on the previews topic by the {@code drafts} package, which
 * also lays the PDF out from the same copy).
 */
public final class ChapterPreviews {

    /** What the replaced chapter's "event" says; no page of the site ever names it. */
    private static final EventInfo PREVIEW = new EventInfo("preview", Instant.EPOCH, null);

    private final Site site;
    private final PageRenderer pages;
    private final ChapterProperties limits;
    private final Timer timer;

    public ChapterPreviews(Site site, PageRenderer pages, ChapterProperties limits, MeterRegistry meters) {
        this.site = site;
        this.pages = pages;
        this.limits = limits;
        this.timer = Timer.builder("report.render.preview")
                .description("Previews of a chapter being written (the studio), from the request checked to the page rendered")
                .register(meters);
    }

    /** The page of {@code slug} with {@code request}'s title and body; a 400 naming the field for bad input. */
    public ChapterPreview preview(String edition, String slug, PreviewRequest request) {
        check(edition, slug, request);
        return timer.record(() -> answer(render(edition, slug, request.title(), request.body())));
    }

    private void check(String edition, String slug, PreviewRequest request) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
        ChapterChecks.checkWritableSlug(slug);
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title and body is required");
        }
        FieldProblems problems = new FieldProblems();
        ChapterChecks.checkText(problems, request.title(), request.body(), limits);
        problems.throwIfAny();
    }

    /** A chapter page rendered with another text, and the copy of the edition's sources it was rendered from. */
    public record Rendered(ReportState state, PageRenderer.ChapterPage page) {
    }

    /**
     * The page of {@code slug} with this title and body (unchecked: the caller checked them, or
     * content-service did), and the copy of the edition it was rendered from, in which the chapter
     * has that text (to render more from it: the chapter's PDF pages).
     */
    public Rendered render(String edition, String slug, String title, String body) {
        ReportState state = site.snapshot(edition);
        SourceRef ref = SourceRef.chapter(edition, slug);
        Chapter chapter = state.chapter(edition, slug)
                .map(c -> new Chapter(edition, slug, title, body, c.position(), c.language(), c.errata()))
                .orElseGet(() -> new Chapter(edition, slug, title, body, afterTheLast(state, edition), languageOf(state, edition)));
        long revision = state.version(ref).map(Versioned::revision).orElse(0L) + 1;
        state.apply(new SourceEvent.ChapterEvent(ref, revision, PREVIEW, chapter));
        return new Rendered(state, page(edition, null, slug, state));
    }

    /**
     * The page of {@code slug} in {@code language} with this translated title and body, translating
     * the source's revision {@code sourceRevision} (null: its current one), and the copy of the
     * edition it was rendered from: exactly what the public page in that language shows once the
     * translation says so. Empty when the edition has no such chapter (a translation translates an
     * existing one).
     */
    public Optional<Rendered> renderTranslation(String edition, String language, String slug, String title, String body,
            Long sourceRevision) {
        ReportState state = site.snapshot(edition);
        SourceRef chapter = SourceRef.chapter(edition, slug);
        Optional<Versioned<?>> source = state.version(chapter).filter(v -> !v.deleted());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        SourceRef ref = SourceRef.translation(edition, slug, language);
        long revision = state.version(ref).map(Versioned::revision).orElse(0L) + 1;
        long translates = sourceRevision == null ? source.get().revision() : sourceRevision;
        state.apply(new SourceEvent.TranslationEvent(ref, revision, PREVIEW,
                new Translation(edition, slug, language, title, body, translates)));
        return Optional.of(new Rendered(state, page(edition, language, slug, state)));
    }

    private PageRenderer.ChapterPage page(String edition, String language, String slug, ReportState state) {
        return pages.chapterPage(edition, language, slug, state)
                .orElseThrow(() -> new IllegalStateException("the chapter just put in the preview state is not there"));
    }

    private ChapterPreview answer(Rendered rendered) {
        return new ChapterPreview(new String(rendered.page().html(), StandardCharsets.UTF_8), missing(rendered.page().missing()));
    }

    private static int afterTheLast(ReportState state, String edition) {
        return state.chapters(edition).stream().mapToInt(Chapter::position).max().orElse(0) + 1;
    }

    private String languageOf(ReportState state, String edition) {
        String language = state.language(edition);
        return language == null ? limits.defaultLanguage() : language;
    }

    private static List<ChapterPreview.Missing> missing(List<MissingReference> references) {
        return references.stream().map(m -> switch (m.kind()) {
            case FIGURE -> new ChapterPreview.Missing("fig", m.id(), "unknown");
            case CHART -> new ChapterPreview.Missing("chart", m.id(), "unknown");
            case CHART_INLINE -> new ChapterPreview.Missing("chart", m.id(), "inline");
        }).toList();
    }
}
