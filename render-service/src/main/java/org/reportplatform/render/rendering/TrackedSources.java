package org.reportplatform.render.rendering;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.reportplatform.render.site.SitePlan;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.Indicator;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.SourceRef;

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
