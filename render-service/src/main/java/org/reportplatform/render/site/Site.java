package org.reportplatform.render.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * set of dirty outputs with the events that dirtied them. Every method is synchronized: the
 * source listener applies events while the render worker renders, and rendering always sees one
 * consistent state.
 *
 * <p>An event dirties exactly the outputs that use its source, as recorded in the index when
 * they were last rendered, plus what the index cannot know yet:
 * <ul>
 *   <li>a chapter event: that chapter's page and its edition's index (which may not exist yet),
 *       and its neighbours in the new report order (a new or moved chapter becomes their
 *       previous/next link);</li>
 *   <li>an indicator event: the pages referencing it and those listing the edition's indicators
 *       (the index's key figures);</li>
 *   <li>a dataset event: the pages referencing it.</li>
 * </ul>
 * Pages are rendered from the latest state only when the worker flushes, each once per flush.
 */
public final class Site {

    private static final Logger log = LoggerFactory.getLogger(Site.class);

    private final ReportState state = new ReportState();
    private final DependencyIndex index = new DependencyIndex();
    private final SortedMap<OutputId, Causes> dirty = new TreeMap<>();
    private final OutputRenderer renderer;
    private long failures;

    public Site(OutputRenderer renderer) {
        this.renderer = renderer;
    }

    /** Applies an event during the start-up replay: no output is dirtied (a full render follows). */
    public synchronized boolean replay(SourceEvent event) {
        return state.apply(event);
    }

    /** Applies a live event; true when it dirtied at least one output (a stale event dirties none). */
    public synchronized boolean apply(SourceEvent event) {
        if (!state.apply(event)) {
            return false;
        }
        SortedSet<OutputId> touched = new TreeSet<>(index.dependents(event.ref()));
        String edition = event.edition();
        if (event instanceof SourceEvent.ChapterEvent) {
            String slug = event.ref().id();
            touched.add(new OutputId.ChapterPage(edition, slug));
            touched.add(new OutputId.IndexPage(edition));
            touched.addAll(index.dependents(SourceRef.chapterList(edition)));
            SitePlan.Neighbours now = SitePlan.neighbours(state.chapters(edition), slug);
            now.previous().ifPresent(c -> touched.add(new OutputId.ChapterPage(edition, c.slug())));
            now.next().ifPresent(c -> touched.add(new OutputId.ChapterPage(edition, c.slug())));
        } else if (event instanceof SourceEvent.IndicatorEvent) {
            touched.addAll(index.dependents(SourceRef.indicatorList(edition)));
        }
        Causes cause = Causes.of(event.info());
        touched.forEach(id -> dirty.merge(id, cause, Causes::merge));
        return !touched.isEmpty();
    }

    public synchronized boolean hasDirty() {
        return !dirty.isEmpty();
    }

    /** Renders every dirty output once, from the current state, and clears the dirty set. */
    public synchronized List<Rendition> renderDirty() {
        List<Rendition> renditions = new ArrayList<>(dirty.size());
        dirty.forEach((id, causes) -> renderSafely(id, causes).ifPresent(renditions::add));
        dirty.clear();
        return renditions;
    }

    /**
     * Renders every output of the site, plus the given published paths (those no longer in the
     * site render as absent). Pending dirty outputs are included, with their causes.
     */
    public synchronized List<Rendition> renderAll(Collection<OutputId> published) {
        SortedSet<OutputId> all = new TreeSet<>(SitePlan.pages(state));
        all.addAll(published);
        all.addAll(dirty.keySet());
        List<Rendition> renditions = new ArrayList<>(all.size());
        for (OutputId id : all) {
            renderSafely(id, dirty.getOrDefault(id, Causes.none())).ifPresent(renditions::add);
        }
        dirty.clear();
        return renditions;
    }

    /** Marks outputs dirty again (their publishing failed), keeping their causes. */
    public synchronized void requeue(Map<OutputId, Causes> outputs) {
        outputs.forEach((id, causes) -> dirty.merge(id, causes, Causes::merge));
    }

    /**
     * The events behind the difference between two source-revision maps (what an output was
     * last published from, what it is built from now): the latest event of every source whose
     * revision differs. Used when an output is rebuilt without a live event (start-up, rebuild).
     */
    public synchronized Causes changesBetween(Map<String, Long> before, Map<String, Long> after) {
        List<EventInfo> events = new ArrayList<>();
        SortedSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                parse(key).flatMap(state::version).map(Versioned::event).ifPresent(events::add);
            }
        }
        return Causes.of(events);
    }

    /** The sources an output used when it was last rendered (for operators and tests). */
    public synchronized SortedSet<SourceRef> sourcesOf(OutputId id) {
        return index.sources(id);
    }

    /** The chapters of an edition in report order (for operators and tests). */
    public synchronized List<Chapter> chapters(String edition) {
        return state.chapters(edition);
    }

    /**
     * A render that throws (a bug: rendering is total over valid state) loses only that output's
     * update: it is logged and counted, its last published version stays, and its recorded
     * dependencies are kept so that the next change of its sources tries again.
     */
    private Optional<Rendition> renderSafely(OutputId id, Causes causes) {
        try {
            return Optional.of(render(id, causes));
        } catch (RuntimeException e) {
            failures++;
            log.error("could not render {}: its published version stays as it is", id.path(), e);
            return Optional.empty();
        }
    }

    /** Renders that threw since start-up. */
    public synchronized long failures() {
        return failures;
    }

    private Rendition render(OutputId id, Causes causes) {
        Optional<OutputRenderer.Rendered> rendered = renderer.render(id, state);
        if (rendered.isEmpty()) {
            index.forget(id);
            return new Rendition(id, null, null, null, new TreeMap<>(), causes);
        }
        OutputRenderer.Rendered page = rendered.get();
        index.record(id, page.sources());
        SortedMap<String, Long> revisions = new TreeMap<>();
        for (SourceRef source : page.sources()) {
            if (source.isSingle()) {
                state.version(source).ifPresent(v -> revisions.put(source.key(), v.revision()));
            }
        }
        return new Rendition(id, page.contentType(), page.content(), sha256Hex(page.content()), revisions, causes);
    }

    private static Optional<SourceRef> parse(String key) {
        int colon = key.indexOf(':');
        int slash = key.indexOf('/', colon + 1);
        if (colon < 0 || slash < 0) {
            return Optional.empty();
        }
        String edition = key.substring(colon + 1, slash);
        String id = key.substring(slash + 1);
        return switch (key.substring(0, colon)) {
            case "chapter" -> Optional.of(SourceRef.chapter(edition, id));
            case "indicator" -> Optional.of(SourceRef.indicator(edition, id));
            case "dataset" -> Optional.of(SourceRef.dataset(edition, id));
            default -> Optional.empty();
        };
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
