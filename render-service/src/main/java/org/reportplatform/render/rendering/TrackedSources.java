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

    Optional<Dataset> dataset(String edition, String id) {
        used.add(SourceRef.dataset(edition, id));
        return state.dataset(edition, id);
    }

    SortedSet<SourceRef> used() {
        return used;
    }
}
