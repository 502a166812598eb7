package org.reportplatform.content.chapters;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.Topics;

/**
 * Every chapter of every edition with its whole history, as replayed from report.chapters.v1.
 * Only {@link #apply} changes it, and only with events Kafka has committed.
 */
public class ChapterBook {

    private final RevisionHistory<ChapterChanged> history =
            new RevisionHistory<>(e -> Topics.sourceKey(e.getEdition(), e.getSlug()));

    public void apply(ChapterChanged event) {
        history.apply(event);
    }

    /** The latest event of a chapter, deleted or not; empty if it never existed. */
    public Optional<ChapterChanged> latest(String edition, String slug) {
        return history.latest(Topics.sourceKey(edition, slug));
    }

    /** The chapter as it is now; empty if it never existed or was deleted. */
    public Optional<Chapter> current(String edition, String slug) {
        return latest(edition, slug).filter(e -> e.getChapter() != null).map(Chapter::of);
    }

    /** The chapters of an edition in report order. */
    public List<Chapter> chapters(String edition) {
        return history.latestUnder(edition + "/").stream()
                .filter(e -> e.getChapter() != null)
                .map(Chapter::of)
                .sorted(Comparator.comparingInt(Chapter::position).thenComparing(Chapter::slug))
                .toList();
    }

    /** Every revision of a chapter, oldest first. */
    public List<ChapterChanged> history(String edition, String slug) {
        return history.history(Topics.sourceKey(edition, slug));
    }

    String keyOf(ChapterChanged event) {
        return history.keyOf().apply(event);
    }
}
