package org.reportplatform.render.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.reportplatform.render.sharing.OutputOwnership;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.EventInfo;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceRef;
import org.reportplatform.render.sources.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site as the render service knows it: the sources' state, the dependency index, and the
 * set of dirty outputs with the events that dirtied them. Every method is synchronized except
 * {@link #renderDocument}: the source listener applies events while the render workers render,
 * and a page render always sees one consistent state. A document (the PDF) is rendered outside
 * the lock, from a snapshot of its edition taken under it, so that its long render never holds
 * up events or pages.
 *
 * <p>An event dirties exactly the outputs that use its source, as recorded in the index when
 * they were last rendered, plus what the index cannot know yet:
 * <ul>
 *   <li>a chapter event: that chapter's page and its edition's index (which may not exist yet),
 *       its neighbours in the new report order (a new or moved chapter becomes their
 *       previous/next link; in every language when the order changed), the translated pages
 *       whose staleness or errata changed (they depend on those derived sources, not on the
 *       chapter's text: a source edit does not rebuild a page that shows its translation), and,
 *       when the edition's language changed (its first chapter, or the edition appearing or
 *       disappearing), the pages written in it: key figures, finances;</li>
 *   <li>an indicator or dataset event: the pages using it, and those listing the edition's
 *       indicators or datasets when it appeared or disappeared;</li>
 *   <li>an edition event: every page and PDF it had and has, in every language, and
 *       {@code /editions};</li>
 *   <li>a translation event: the pages that used it (its language's), and its language's PDF;</li>
 *   <li>any other event: its edition's source-language report PDF, which shows everything of its edition.</li>
 * </ul>
 * Pages are rendered from the latest state only when the page worker flushes, each once per flush;
 * the PDF when the document worker gets to it.
 *
 * <p>Only the outputs this instance owns ({@link OutputOwnership}: every one unless instances share
 * the rendering) are ever dirty; the state is the whole report all the same, since a page depends
 * on its neighbours and the index on every chapter.
 */
public final class Site {

    private static final Logger log = LoggerFactory.getLogger(Site.class);

    private final ReportState state = new ReportState();
    private final DependencyIndex index = new DependencyIndex();
    private final SortedMap<OutputId, Causes> dirty = new TreeMap<>();
    // The source language's PDF first: it is the one most readers download.
    private final SortedMap<OutputId, Causes> dirtyDocuments = new TreeMap<>(OutputId.RENDER_ORDER);
    /**
     * Documents taken for rendering and not rendered yet: their render reads a snapshot taken
     * before, and records what it used only once done, so an event of their edition meanwhile
     * cannot find them in the index: it marks them dirty again.
     */
    private final Set<OutputId> documentsInFlight = new HashSet<>();
    private final OutputRenderer pages;
    private final OutputRenderer documents;
    private final OutputOwnership ownership;
    private long failures;

    /** A site that renders every output. */
    public Site(OutputRenderer pages, OutputRenderer documents) {
        this(pages, documents, OutputOwnership.everything());
    }

    public Site(OutputRenderer pages, OutputRenderer documents, OutputOwnership ownership) {
        this.pages = pages;
        this.documents = documents;
        this.ownership = ownership;
    }

    /** Applies an event during the start-up replay: no output is dirtied (a full render follows). */
    public synchronized boolean replay(SourceEvent event) {
        return state.apply(event);
    }

    /** Applies a live event; true when it changed the state (a stale event changes nothing and dirties nothing). */
    public synchronized boolean apply(SourceEvent event) {
        SourceRef ref = event.ref();
        String edition = event.edition();
        boolean existed = state.exists(ref);
        String languageBefore = state.language(edition);
        SortedSet<String> publicBefore = state.publicEditions();
        List<String> orderBefore = event instanceof SourceEvent.ChapterEvent ? slugs(edition) : List.of();
        Map<String, Boolean> staleBefore = event instanceof SourceEvent.ChapterEvent ? staleness(edition, ref.id()) : Map.of();
        List<Chapter.Erratum> errataBefore = event instanceof SourceEvent.ChapterEvent
                ? state.chapter(edition, ref.id()).map(Chapter::errata).orElse(List.of()) : List.of();
        if (!state.apply(event)) {
            return false;
        }
        boolean exists = state.exists(ref);
        List<String> languages = SitePlan.languages(state, edition);
        SortedSet<OutputId> touched = new TreeSet<>(index.dependents(ref));
        if (event instanceof SourceEvent.ChapterEvent) {
            String slug = ref.id();
            touched.add(new OutputId.ChapterPage(edition, slug));
            touched.add(new OutputId.IndexPage(edition));
            SitePlan.Neighbours now = SitePlan.neighbours(state.chapters(edition), slug);
            now.previous().ifPresent(c -> touched.add(new OutputId.ChapterPage(edition, c.slug())));
            now.next().ifPresent(c -> touched.add(new OutputId.ChapterPage(edition, c.slug())));
            if (!orderBefore.equals(slugs(edition))) {
                // a new, deleted or moved chapter: its page, the contents and its neighbours in every language
                touched.addAll(index.dependents(SourceRef.chapterList(edition)));
                for (String language : languages) {
                    touched.add(new OutputId.ChapterPage(edition, language, slug));
                    touched.add(new OutputId.IndexPage(edition, language));
                    now.previous().ifPresent(c -> touched.add(new OutputId.ChapterPage(edition, language, c.slug())));
                    now.next().ifPresent(c -> touched.add(new OutputId.ChapterPage(edition, language, c.slug())));
                    touched.add(new OutputId.ReportDocument(edition, language));
                }
            }
            // A translated page shows neither the source's text nor its revision: only whether the
            // translation is stale (and the errata), so it is rebuilt only when that changes.
            Map<String, Boolean> staleAfter = staleness(edition, slug);
            staleAfter.forEach((language, stale) -> {
                if (!stale.equals(staleBefore.get(language))) {
                    touched.addAll(index.dependents(SourceRef.translationStatus(edition, slug, language)));
                }
            });
            if (!errataBefore.equals(state.chapter(edition, slug).map(Chapter::errata).orElse(List.of()))) {
                touched.addAll(index.dependents(SourceRef.errata(edition, slug)));
            }
            if (!Objects.equals(languageBefore, state.language(edition))) {
                touched.addAll(index.dependents(SourceRef.language(edition)));
                for (String language : languages) {
                    touched.addAll(SitePlan.keyFiguresPages(state, edition, language));
                    touched.add(new OutputId.FinancePage(edition, language));
                }
            }
        } else if (event instanceof SourceEvent.IndicatorEvent) {
            if (existed != exists) {
                // the list's pages (some may no longer exist), and those it needs now
                touched.addAll(index.dependents(SourceRef.indicatorList(edition)));
                if (state.language(edition) != null) {
                    languages.forEach(language -> touched.addAll(SitePlan.keyFiguresPages(state, edition, language)));
                }
            }
        } else if (event instanceof SourceEvent.DatasetEvent) {
            if (existed != exists) {
                touched.addAll(index.dependents(SourceRef.datasetList(edition)));
            }
        } else if (event instanceof SourceEvent.EditionEvent) {
            // its title, languages, status or stale notice: every page of it, in every language it
            // had (those no longer in its site render as absent) and has now
            touched.addAll(index.dependents(SourceRef.language(edition)));
            touched.addAll(SitePlan.pages(state, edition));
            touched.addAll(SitePlan.documents(state, edition));
            touched.add(new OutputId.EditionsPage());
        } else if (event instanceof SourceEvent.TranslationEvent t) {
            touched.add(new OutputId.ReportDocument(edition, t.language()));
        }
        if (!publicBefore.equals(state.publicEditions())) {
            // an edition that became public (its first chapter, or published) or stopped being: all of its site
            touched.addAll(SitePlan.pages(state, edition));
            touched.addAll(SitePlan.documents(state, edition));
            touched.add(new OutputId.EditionsPage());
        }
        if (!(event instanceof SourceEvent.TranslationEvent)) {
            touched.add(new OutputId.ReportDocument(edition));
        }
        documentsInFlight.stream().filter(id -> edition.equals(id.edition())).forEach(touched::add);
        Causes cause = Causes.of(event.info());
        touched.stream().filter(ownership::owns).forEach(id -> dirtySet(id).merge(id, cause, Causes::merge));
        return true;
    }

    /** The slugs of the edition's chapters in report order. */
    private List<String> slugs(String edition) {
        return state.chapters(edition).stream().map(Chapter::slug).toList();
    }

    /** Whether the chapter's translation into each target language is stale now. */
    private Map<String, Boolean> staleness(String edition, String slug) {
        Map<String, Boolean> stale = new TreeMap<>();
        state.edition(edition).ifPresent(e -> e.targetLanguages().forEach(l -> stale.put(l, state.isStale(edition, slug, l))));
        return stale;
    }

    private SortedMap<OutputId, Causes> dirtySet(OutputId id) {
        return id.isDocument() ? dirtyDocuments : dirty;
    }

    /** Whether pages wait to be rendered. */
    public synchronized boolean hasDirty() {
        return !dirty.isEmpty();
    }

    /** Whether documents wait to be rendered. */
    public synchronized boolean hasDirtyDocuments() {
        return !dirtyDocuments.isEmpty();
    }

    /** Renders every dirty page once, from the current state, and clears the dirty set. */
    public List<Rendition> renderDirty() {
        List<Rendition> renditions = new ArrayList<>();
        renderDirty(renditions::add);
        return renditions;
    }

    /**
     * Renders every dirty page once, from the current state, in {@link OutputId#RENDER_ORDER}
     * (chapter pages first), handing each to {@code sink} as soon as it is rendered; clears the
     * dirty set. Returns how many were rendered.
     */
    public synchronized int renderDirty(Consumer<Rendition> sink) {
        List<Map.Entry<OutputId, Causes>> batch = new ArrayList<>(dirty.entrySet());
        dirty.clear();
        batch.sort(Map.Entry.comparingByKey(OutputId.RENDER_ORDER));
        int rendered = 0;
        for (Map.Entry<OutputId, Causes> entry : batch) {
            Optional<Rendition> rendition = renderSafely(pages, entry.getKey(), entry.getValue(), state);
            if (rendition.isPresent()) {
                sink.accept(rendition.get());
                rendered++;
            }
        }
        return rendered;
    }

    /**
     * Renders every page of the site, plus the given published pages (those no longer in the
     * site render as absent). Pending dirty pages are included, with their causes.
     */
    public synchronized List<Rendition> renderAll(Collection<OutputId> published) {
        List<Rendition> renditions = new ArrayList<>();
        renderAll(published, planned -> { }, renditions::add);
        return renditions;
    }

    /**
     * The same, handing each page to {@code sink} as soon as it is rendered (so it can be sent
     * while the next one renders); {@code planned} first learns how many pages will be rendered.
     */
    public synchronized void renderAll(Collection<OutputId> published, IntConsumer planned, Consumer<Rendition> sink) {
        SortedSet<OutputId> all = new TreeSet<>(OutputId.RENDER_ORDER);
        all.addAll(SitePlan.pages(state));
        all.addAll(published);
        all.addAll(dirty.keySet());
        all.removeIf(id -> !ownership.owns(id));
        planned.accept(all.size());
        for (OutputId id : all) {
            renderSafely(pages, id, dirty.getOrDefault(id, Causes.none()), state).ifPresent(sink);
        }
        dirty.clear();
    }

    /**
     * Marks every document of the site dirty, and the given published ones (those no longer in
     * the site render as absent): the start-up render and an operator's rebuild of the documents.
     */
    public synchronized int markAllDocumentsDirty(Collection<OutputId> published) {
        SortedSet<OutputId> all = new TreeSet<>(SitePlan.documents(state));
        all.addAll(published);
        all.removeIf(id -> !ownership.owns(id));
        all.forEach(id -> dirtyDocuments.merge(id, Causes.none(), Causes::merge));
        return all.size();
    }

    /**
     * Outputs this instance has just been given: every one of the site that {@code gained} accepts,
     * and the given published ones (those no longer in the site render as absent), dirty. Returns
     * how many.
     */
    public synchronized int markDirty(Predicate<OutputId> gained, Collection<OutputId> published) {
        SortedSet<OutputId> all = new TreeSet<>(SitePlan.pages(state));
        all.addAll(SitePlan.documents(state));
        all.addAll(published);
        all.removeIf(gained.negate());
        all.forEach(id -> dirtySet(id).merge(id, Causes.none(), Causes::merge));
        return all.size();
    }

    /** Forgets the dirty outputs this instance no longer owns: their new owner renders them. */
    public synchronized void dropUnowned() {
        dirty.keySet().removeIf(id -> !ownership.owns(id));
        dirtyDocuments.keySet().removeIf(id -> !ownership.owns(id));
    }

    /** A document to render: its id, why, and a snapshot of its edition's sources. */
    public record DocumentJob(OutputId id, Causes causes, ReportState snapshot) {
    }

    /** Takes the next dirty document (clearing its mark) with a snapshot of its edition, if any is dirty. */
    public synchronized Optional<DocumentJob> takeDirtyDocument() {
        if (dirtyDocuments.isEmpty()) {
            return Optional.empty();
        }
        OutputId id = dirtyDocuments.firstKey();
        Causes causes = dirtyDocuments.remove(id);
        ReportState snapshot = id.edition() == null ? new ReportState() : state.snapshot(id.edition());
        documentsInFlight.add(id);
        return Optional.of(new DocumentJob(id, causes, snapshot));
    }

    /** Renders a document from its snapshot, outside the lock (empty when the render failed: logged, counted). */
    public Optional<Rendition> renderDocument(DocumentJob job) {
        try {
            return renderSafely(documents, job.id(), job.causes(), job.snapshot());
        } finally {
            synchronized (this) {
                documentsInFlight.remove(job.id());
            }
        }
    }

    /** Marks outputs dirty again (their publishing failed), keeping their causes. */
    public synchronized void requeue(Map<OutputId, Causes> outputs) {
        outputs.forEach((id, causes) -> {
            if (ownership.owns(id)) {
                dirtySet(id).merge(id, causes, Causes::merge);
            }
        });
    }

    /**
     * The events behind the difference between two source-revision maps (what an output was
     * last published from, what it is built from now): the latest event of every source whose
     * revision differs. Used when an output is rebuilt without a live event (start-up, rebuild).
     */
    public synchronized Causes changesBetween(Map<String, Long> before, Map<String, Long> after) {
        return changesBetween(before, after, state);
    }

    /** {@link #changesBetween(Map, Map)} read from a snapshot (a document's). */
    public static Causes changesBetween(Map<String, Long> before, Map<String, Long> after, ReportState state) {
        List<EventInfo> events = new ArrayList<>();
        SortedSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                SourceRef.parse(key).flatMap(state::version).map(Versioned::event).ifPresent(events::add);
            }
        }
        return Causes.of(events);
    }

    /**
     * A copy of one edition's sources as they are now (what a preview renders from, outside the
     * lock, so a preview never holds up events or pages).
     */
    public synchronized ReportState snapshot(String edition) {
        return state.snapshot(edition);
    }

    /** The sources an output used when it was last rendered (for operators and tests). */
    public synchronized SortedSet<SourceRef> sourcesOf(OutputId id) {
        return index.sources(id);
    }

    /** The editions that have at least one chapter, public or not. */
    public synchronized SortedSet<String> editions() {
        return new TreeSet<>(state.editions());
    }

    /** The chapters of an edition in report order (for operators and tests). */
    public synchronized List<Chapter> chapters(String edition) {
        return state.chapters(edition);
    }

    /**
     * A render that throws (a bug: rendering is total over valid state) loses only that output's
     * update: it is logged and counted, its last published version stays, and its recorded
     * dependencies are kept so that the next change of its sources tries again. The same for a
     * render that runs out of heap.
     */
    private Optional<Rendition> renderSafely(OutputRenderer renderer, OutputId id, Causes causes, ReportState from) {
        try {
            return Optional.of(render(renderer, id, causes, from));
        } catch (RuntimeException | LinkageError e) {
            synchronized (this) {
                failures++;
            }
            log.error("could not render {}: its published version stays as it is", id.path(), e);
            return Optional.empty();
        } catch (OutOfMemoryError e) {
            // One render's objects (a long report's PDF above all) are garbage once it has thrown, so
            // the service goes on: the worker thread must not die with it and stop every later PDF.
            synchronized (this) {
                failures++;
            }
            log.error("could not render {} within the heap (raise render-service's -Xmx): its published version stays as it is",
                    id.path());
            return Optional.empty();
        }
    }

    /** Renders that threw since start-up. */
    public synchronized long failures() {
        return failures;
    }

    private Rendition render(OutputRenderer renderer, OutputId id, Causes causes, ReportState from) {
        Optional<OutputRenderer.Rendered> rendered = renderer.render(id, from);
        if (rendered.isEmpty()) {
            synchronized (this) {
                index.forget(id);
            }
            return new Rendition(id, null, null, null, new TreeMap<>(), causes);
        }
        OutputRenderer.Rendered output = rendered.get();
        synchronized (this) {
            index.record(id, output.sources());
        }
        SortedMap<String, Long> revisions = new TreeMap<>();
        for (SourceRef source : output.sources()) {
            if (source.isSingle()) {
                from.version(source).ifPresent(v -> revisions.put(source.key(), v.revision()));
            }
        }
        return new Rendition(id, output.contentType(), output.content(), sha256Hex(output.content()), revisions, causes);
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
