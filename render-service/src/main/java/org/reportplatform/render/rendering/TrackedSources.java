package org.reportplatform.render.rendering;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.reportplatform.render.site.SitePlan;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.Edition;
import org.reportplatform.render.sources.Indicator;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.SourceRef;
import org.reportplatform.render.sources.Translation;

/**
 * The sources as one page render sees them: every lookup is recorded (found or not: a page that
 * references an indicator not created yet must be rebuilt when it is), and the set becomes the
 * page's entry in the dependency index.
 */
final class TrackedSources {

    private final ReportState state;
    private final SortedSet<SourceRef> used = new TreeSet<>();

    TrackedSources(ReportState state) {
        this.state = state;
    }

    Optional<Chapter> chapter(String edition, String slug) {
        used.add(SourceRef.chapter(edition, slug));
        return state.chapter(edition, slug);
    }

    /** All chapters in report order: depends on the list and on each of them. */
    List<Chapter> chapters(String edition) {
        used.add(SourceRef.chapterList(edition));
        List<Chapter> chapters = state.chapters(edition);
        chapters.forEach(c -> used.add(SourceRef.chapter(edition, c.slug())));
        return chapters;
    }

    /** Only the neighbours are read (their titles and slugs): the page depends on them, not on the list. */
    SitePlan.Neighbours neighbours(String edition, String slug) {
        SitePlan.Neighbours neighbours = SitePlan.neighbours(state.chapters(edition), slug);
        neighbours.previous().ifPresent(c -> used.add(SourceRef.chapter(edition, c.slug())));
        neighbours.next().ifPresent(c -> used.add(SourceRef.chapter(edition, c.slug())));
        return neighbours;
    }

    /**
     * The neighbours in report order, nothing recorded: a page in a target language reads their
     * titles through {@link #title} (their translation's, or the source's when untranslated).
     */
    SitePlan.Neighbours neighboursInOrder(String edition, String slug) {
        return SitePlan.neighbours(state.chapters(edition), slug);
    }

    /**
     * A chapter of the order, depending only on the order and set (the list), not on its text: a
     * page in a target language that shows its translation.
     */
    Optional<Chapter> chapterInOrder(String edition, String slug) {
        used.add(SourceRef.chapterList(edition));
        return state.chapter(edition, slug);
    }

    /**
     * The edition's chapters in report order, depending only on the order and set (the list):
     * a page in a target language reads each one's title through {@link #title}.
     */
    List<Chapter> chapterOrder(String edition) {
        used.add(SourceRef.chapterList(edition));
        return state.chapters(edition);
    }

    /**
     * The edition: depends on its event, and, for an edition without one (older data, whose
     * language is its first chapter's), on its language.
     */
    Optional<Edition> edition(String edition) {
        used.add(SourceRef.edition(edition));
        if (!state.hasEditionEvent(edition)) {
            used.add(SourceRef.language(edition));
        }
        return state.edition(edition);
    }

    /** The public editions, newest first (ids are years): depends on each one's event and chapters' existence. */
    List<Edition> publicEditions() {
        used.add(SourceRef.publicEditions());
        List<Edition> editions = new java.util.ArrayList<>();
        for (String edition : state.publicEditions()) {
            edition(edition).ifPresent(editions::add);
        }
        java.util.Collections.reverse(editions);
        return editions;
    }

    /** A chapter's translation into {@code language}, written or not (a page must change when it is written). */
    Optional<Translation> translation(String edition, String slug, String language) {
        used.add(SourceRef.translation(edition, slug, language));
        return state.translation(edition, slug, language);
    }

    /** Whether the chapter's translation is stale: depends on that only, never on the source's text. */
    boolean stale(String edition, String slug, String language) {
        used.add(SourceRef.translationStatus(edition, slug, language));
        return state.isStale(edition, slug, language);
    }

    /** A chapter's errata: depends on them only. */
    List<Chapter.Erratum> errata(String edition, String slug) {
        used.add(SourceRef.errata(edition, slug));
        return state.chapter(edition, slug).map(Chapter::errata).orElse(List.of());
    }

    /**
     * A chapter's title in {@code language} (null: the source language): its translation's when
     * written, else the source's (then the page depends on the source chapter).
     */
    String title(Chapter chapter, String language) {
        if (language != null) {
            Optional<Translation> translation = translation(chapter.edition(), chapter.slug(), language).filter(Translation::isWritten);
            if (translation.isPresent()) {
                return translation.get().title();
            }
        }
        used.add(SourceRef.chapter(chapter.edition(), chapter.slug()));
        return chapter.title();
    }

    Optional<Indicator> indicator(String edition, String id) {
        used.add(SourceRef.indicator(edition, id));
        return state.indicator(edition, id);
    }

    List<Indicator> indicators(String edition) {
        used.add(SourceRef.indicatorList(edition));
        List<Indicator> indicators = state.indicators(edition);
        indicators.forEach(i -> used.add(SourceRef.indicator(edition, i.id())));
        return indicators;
    }

    /** The first {@code n} indicators by id: depends on the list (which are first, how many) and on those only. */
    List<Indicator> firstIndicators(String edition, int n) {
        used.add(SourceRef.indicatorList(edition));
        List<Indicator> all = state.indicators(edition);
        List<Indicator> first = all.subList(0, Math.min(n, all.size()));
        first.forEach(i -> used.add(SourceRef.indicator(edition, i.id())));
        return first;
    }

    /** The indicators of one key-figures page (by id, {@code size} a page): depends on the list and on those only. */
    List<Indicator> indicatorsPage(String edition, int number, int size) {
        used.add(SourceRef.indicatorList(edition));
        List<Indicator> all = state.indicators(edition);
        int from = Math.min(all.size(), (number - 1) * size);
        List<Indicator> page = all.subList(from, Math.min(all.size(), from + size));
        page.forEach(i -> used.add(SourceRef.indicator(edition, i.id())));
        return page;
    }

    /** How many indicators the edition has (read together with {@link #firstIndicators}). */
    int indicatorCount(String edition) {
        used.add(SourceRef.indicatorList(edition));
        return state.indicators(edition).size();
    }

    Optional<Dataset> dataset(String edition, String id) {
        used.add(SourceRef.dataset(edition, id));
        return state.dataset(edition, id);
    }

    List<Dataset> datasets(String edition) {
        used.add(SourceRef.datasetList(edition));
        List<Dataset> datasets = state.datasets(edition);
        datasets.forEach(d -> used.add(SourceRef.dataset(edition, d.id())));
        return datasets;
    }

    /** The edition's language (null when it has no chapter): depends on which chapter is first, not on the others. */
    String language(String edition) {
        used.add(SourceRef.language(edition));
        return state.language(edition);
    }

    SortedSet<SourceRef> used() {
        return used;
    }
}
