package org.reportplatform.render.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The render service's view of the sources: for every edition, chapter, translation, indicator
 * and dataset, the state of its highest revision seen, and what is derived from them in event
 * order (a chapter's last text change, which makes its translations stale). Built only from the source topics, so a
 * replay from the beginning gives it back exactly.
 *
 * <p>An event whose revision is not higher than the one already held for its key is stale and
 * changes nothing; a delete keeps its revision, so an older event cannot resurrect the source.
 *
 * <p>Not thread-safe: its owner ({@code Site}) serialises access.
 */
public final class ReportState {

    /** The report's order: by position, then slug (so equal positions still give one order). */
    public static final Comparator<Chapter> CHAPTER_ORDER = Comparator.comparingInt(Chapter::position).thenComparing(Chapter::slug);

    private final Map<String, Map<String, Versioned<Chapter>>> chapters = new HashMap<>();
    private final Map<String, Map<String, Versioned<Indicator>>> indicators = new HashMap<>();
    private final Map<String, Map<String, Versioned<Dataset>>> datasets = new HashMap<>();
    /** By edition, then {@code {slug}/{language}}. */
    private final Map<String, Map<String, Versioned<Translation>>> translations = new HashMap<>();
    private final Map<String, Versioned<Edition>> editionEvents = new HashMap<>();
    /**
     * Derived while applying: per edition and slug, the revision of the chapter's last title or
     * body change (a move or an erratum-only change keeps it). A translation of an older revision
     * is stale. Applying the same events in the same order gives the same values, so a replay
     * from the beginning and the live, incremental application agree.
     */
    private final Map<String, Map<String, Long>> textRevisions = new HashMap<>();

    /** Applies the event unless it is stale; true when it changed the state. */
    public boolean apply(SourceEvent event) {
        if (event instanceof SourceEvent.ChapterEvent e) {
            Chapter before = chapter(e.edition(), e.ref().id()).orElse(null);
            if (!put(chapters, e.ref(), new Versioned<>(e.revision(), e.state(), e.info()))) {
                return false;
            }
            if (e.state() != null && e.state().textDiffers(before)) {
                textRevisions.computeIfAbsent(e.edition(), x -> new TreeMap<>()).put(e.ref().id(), e.revision());
            }
            return true;
        }
        if (event instanceof SourceEvent.EditionEvent e) {
            Versioned<Edition> current = editionEvents.get(e.edition());
            if (current != null && current.revision() >= e.revision()) {
                return false;
            }
            editionEvents.put(e.edition(), new Versioned<>(e.revision(), e.state(), e.info()));
            return true;
        }
        if (event instanceof SourceEvent.TranslationEvent e) {
            return put(translations, e.ref(), new Versioned<>(e.revision(), e.state(), e.info()));
        }
        if (event instanceof SourceEvent.IndicatorEvent e) {
            return put(indicators, e.ref(), new Versioned<>(e.revision(), e.state(), e.info()));
        }
        if (event instanceof SourceEvent.DatasetEvent e) {
            return put(datasets, e.ref(), new Versioned<>(e.revision(), e.state(), e.info()));
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private static <T> boolean put(Map<String, Map<String, Versioned<T>>> byEdition, SourceRef ref, Versioned<T> next) {
        Map<String, Versioned<T>> edition = byEdition.computeIfAbsent(ref.edition(), e -> new TreeMap<>());
        Versioned<T> current = edition.get(ref.id());
        if (current != null && current.revision() >= next.revision()) {
            return false;
        }
        edition.put(ref.id(), next);
        return true;
    }

    /** Editions that have at least one chapter, public or not. */
    public SortedSet<String> editions() {
        SortedSet<String> editions = new TreeSet<>();
        chapters.forEach((edition, byId) -> {
            if (byId.values().stream().anyMatch(v -> !v.deleted())) {
                editions.add(edition);
            }
        });
        return editions;
    }

    /** Editions that have a public site: at least one chapter, and published or closed. */
    public SortedSet<String> publicEditions() {
        SortedSet<String> editions = editions();
        editions.removeIf(e -> edition(e).map(x -> !x.isPublic()).orElse(true));
        return editions;
    }

    /**
     * The edition as its latest event says; without any edition event (data older than editions)
     * an edition that has chapters is published, in its first chapter's language, translated into
     * nothing. Empty when it has neither, or its edition event deleted it.
     */
    public Optional<Edition> edition(String edition) {
        Versioned<Edition> event = editionEvents.get(edition);
        if (event != null) {
            return Optional.ofNullable(event.value());
        }
        String language = language(edition);
        return language == null ? Optional.empty() : Optional.of(Edition.implicit(edition, language));
    }

    /** Whether the edition has an edition event (deleted or not): then its chapters' language does not decide its own. */
    public boolean hasEditionEvent(String edition) {
        return editionEvents.containsKey(edition);
    }

    /** The chapter's translation into {@code language}, written or only assigned (see {@link Translation#isWritten}). */
    public Optional<Translation> translation(String edition, String slug, String language) {
        return live(translations, edition, slug + "/" + language);
    }

    /** The revision of the chapter's last title or body change (0 when it has none). */
    public long textRevision(String edition, String slug) {
        Map<String, Long> byId = textRevisions.get(edition);
        return byId == null ? 0 : byId.getOrDefault(slug, 0L);
    }

    /** Whether the chapter's written translation into {@code language} predates the chapter's last title or body change. */
    public boolean isStale(String edition, String slug, String language) {
        return translation(edition, slug, language)
                .filter(Translation::isWritten)
                .map(t -> t.sourceRevision() < textRevision(edition, slug))
                .orElse(false);
    }

    public Optional<Chapter> chapter(String edition, String slug) {
        return live(chapters, edition, slug);
    }

    /** The edition's chapters in report order. */
    public List<Chapter> chapters(String edition) {
        List<Chapter> list = new ArrayList<>(all(chapters, edition));
        list.sort(CHAPTER_ORDER);
        return list;
    }

    public Optional<Indicator> indicator(String edition, String id) {
        return live(indicators, edition, id);
    }

    /** The edition's indicators, by id. */
    public List<Indicator> indicators(String edition) {
        return all(indicators, edition);
    }

    public Optional<Dataset> dataset(String edition, String id) {
        return live(datasets, edition, id);
    }

    /** The edition's datasets, by id. */
    public List<Dataset> datasets(String edition) {
        return all(datasets, edition);
    }

    /**
     * The edition's language: its first chapter's in report order (the pages that belong to no
     * chapter, and the PDF, are written in it); null when the edition has no chapter.
     */
    public String language(String edition) {
        Map<String, Versioned<Chapter>> byId = chapters.get(edition);
        if (byId == null) {
            return null;
        }
        Chapter first = null;
        for (Versioned<Chapter> v : byId.values()) {
            if (!v.deleted() && (first == null || CHAPTER_ORDER.compare(v.value(), first) < 0)) {
                first = v.value();
            }
        }
        return first == null ? null : first.language();
    }

    /** Whether the source exists now (a deleted or never seen one does not). */
    public boolean exists(SourceRef ref) {
        return version(ref).map(v -> !v.deleted()).orElse(false);
    }

    /**
     * A copy of one edition's sources (the objects are immutable, the maps are copied): what the
     * document renderer reads outside the lock while events keep being applied to this state.
     */
    public ReportState snapshot(String edition) {
        ReportState copy = new ReportState();
        copyEdition(chapters, copy.chapters, edition);
        copyEdition(indicators, copy.indicators, edition);
        copyEdition(datasets, copy.datasets, edition);
        copyEdition(translations, copy.translations, edition);
        Versioned<Edition> event = editionEvents.get(edition);
        if (event != null) {
            copy.editionEvents.put(edition, event);
        }
        Map<String, Long> texts = textRevisions.get(edition);
        if (texts != null) {
            copy.textRevisions.put(edition, new TreeMap<>(texts));
        }
        return copy;
    }

    private static <T> void copyEdition(Map<String, Map<String, Versioned<T>>> from, Map<String, Map<String, Versioned<T>>> to,
            String edition) {
        Map<String, Versioned<T>> byId = from.get(edition);
        if (byId != null) {
            to.put(edition, new TreeMap<>(byId));
        }
    }

    /** The latest accepted revision of a single source (a deleted one included), if any was seen. */
    public Optional<Versioned<?>> version(SourceRef ref) {
        if (ref.kind() == SourceRef.Kind.EDITION) {
            return Optional.ofNullable(editionEvents.get(ref.edition()));
        }
        Map<String, ? extends Map<String, ? extends Versioned<?>>> byEdition = switch (ref.kind()) {
            case CHAPTER -> chapters;
            case INDICATOR -> indicators;
            case DATASET -> datasets;
            case TRANSLATION -> translations;
            default -> Map.of();
        };
        Map<String, ? extends Versioned<?>> edition = byEdition.get(ref.edition());
        return Optional.ofNullable(edition == null ? null : edition.get(ref.id()));
    }

    private static <T> Optional<T> live(Map<String, Map<String, Versioned<T>>> byEdition, String edition, String id) {
        Map<String, Versioned<T>> byId = byEdition.get(edition);
        Versioned<T> v = byId == null ? null : byId.get(id);
        return v == null ? Optional.empty() : Optional.ofNullable(v.value());
    }

    private static <T> List<T> all(Map<String, Map<String, Versioned<T>>> byEdition, String edition) {
        Map<String, Versioned<T>> byId = byEdition.get(edition);
        if (byId == null) {
            return List.of();
        }
        return byId.values().stream().filter(v -> !v.deleted()).map(Versioned::value).toList();
    }
}
