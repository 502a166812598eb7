package org.reportplatform.render.drafts;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.reportplatform.render.preview.ChapterPreviews;
import org.reportplatform.render.rendering.DocumentRenderer;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.OutputRenderer;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a draft's previews exactly as publishing it would render the chapter: the page through
 * {@link ChapterPreviews} (the studio's preview path: the site's {@link PageRenderer} on a copy of
 * the edition with the chapter's text replaced, or for a translation's draft its translation, the
 * page then in the translation's language), and the chapter's pages of the report PDF with the
 * site's {@link DocumentRenderer} on that same copy. A closed draft renders as absent (a
 * tombstone). {@code sourceRevisions} names {@code draft:{edition}/{slug}[/{language}]} and its
 * revision, which the gateway shows as {@code X-Draft-Revision}.
 */
public final class DraftRenderer {

    private static final Logger log = LoggerFactory.getLogger(DraftRenderer.class);

    private final ChapterPreviews previews;
    private final DocumentRenderer documents;

    public DraftRenderer(ChapterPreviews previews, DocumentRenderer documents) {
        this.previews = previews;
        this.documents = documents;
    }

    /** The source revisions key of a draft: {@code draft:2024/enfants}, {@code draft:2024/enfants/en}. */
    public static String sourceKey(OpenDrafts.Key key) {
        return "draft:" + key.edition() + "/" + key.slug() + (key.language() == null ? "" : "/" + key.language());
    }

    /** The page preview ({@code /preview/{edition}[/{language}]/{slug}}); empty when the render failed (logged). */
    public Optional<Rendition> page(OpenDrafts.Job job) {
        OpenDrafts.Key key = job.key();
        OutputId id = new OutputId.DraftPage(key.edition(), key.language(), key.slug());
        return safely(id, job, draft -> {
            PageRenderer.ChapterPage page = render(draft).page();
            return new OutputRenderer.Rendered(PageRenderer.CONTENT_TYPE, page.html(), new java.util.TreeSet<>());
        });
    }

    /** The PDF preview ({@code /preview/{edition}[/{language}]/{slug}.pdf}); empty when the render failed (logged). */
    public Optional<Rendition> document(OpenDrafts.Job job) {
        OpenDrafts.Key key = job.key();
        OutputId id = new OutputId.DraftDocument(key.edition(), key.language(), key.slug());
        return safely(id, job, draft -> documents.renderChapter(key.edition(), key.language(), key.slug(), render(draft).state())
                .orElseThrow(() -> new IllegalStateException("the chapter just put in the preview state is not there")));
    }

    /** The edition as the draft would make it: the chapter's text, or its translation's, replaced. */
    private ChapterPreviews.Rendered render(OpenDrafts.Draft draft) {
        OpenDrafts.Key key = draft.key();
        if (key.language() == null) {
            return previews.render(key.edition(), key.slug(), draft.title(), draft.body());
        }
        return previews.renderTranslation(key.edition(), key.language(), key.slug(), draft.title(), draft.body(), draft.sourceRevision())
                .orElseThrow(() -> new IllegalStateException("no chapter " + key.slug() + " to translate in edition " + key.edition()));
    }

    private interface Render {
        OutputRenderer.Rendered render(OpenDrafts.Draft draft);
    }

    private static Optional<Rendition> safely(OutputId id, OpenDrafts.Job job, Render render) {
        if (job.draft().isEmpty()) {
            return Optional.of(new Rendition(id, null, null, null, new TreeMap<>(), job.causes()));
        }
        OpenDrafts.Draft draft = job.draft().get();
        try {
            OutputRenderer.Rendered output = render.render(draft);
            SortedMap<String, Long> revisions = new TreeMap<>();
            revisions.put(sourceKey(draft.key()), draft.revision());
            return Optional.of(new Rendition(id, output.contentType(), output.content(), Site.sha256Hex(output.content()), revisions,
                    job.causes()));
        } catch (RuntimeException | LinkageError e) {
            // Rendering is total over valid state: a bug. The preview stays as it was; the next change tries again.
            log.error("could not render the preview {} of draft revision {}", id.path(), draft.revision(), e);
            return Optional.empty();
        }
    }
}
