package org.reportplatform.content.chapters;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.Topics;

/**
 * Every chapter of every edition with its whole history, as replayed from report.chapters.v1.
 * Only {@link #apply} changes it, and only with events Kafka has committed.
 */
public class ChapterBook {

    /** How a chapter's revisions are read from its events (key, revision, metadata, state). */
    public static final Revisioned<ChapterChanged, ChapterState> REVISIONS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getSlug()), ChapterChanged::getRevision,
            ChapterChanged::getMetadata, ChapterChanged::getChapter);

    private final RevisionHistory<ChapterChanged> history = REVISIONS.newHistory();

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

    /** Every revision of a chapter, oldest first; empty if it never existed. */
    public List<ChapterChanged> history(String edition, String slug) {
        return history.history(Topics.sourceKey(edition, slug));
    }

    /** Everything the book holds: every key's events, keys sorted. What a replay must give back exactly. */
    Map<String, List<ChapterChanged>> all() {
        Map<String, List<ChapterChanged>> all = new LinkedHashMap<>();
        history.keys().forEach(key -> all.put(key, history.history(key)));
        return all;
    }

    String keyOf(ChapterChanged event) {
        return history.keyOf().apply(event);
    }
}
