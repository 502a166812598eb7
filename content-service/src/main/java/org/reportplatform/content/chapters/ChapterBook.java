package org.reportplatform.content.chapters;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.platform.revisions.RevisionPage;
import org.reportplatform.platform.revisions.RevisionPaging;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.Topics;

/**
 * Every chapter of every edition as it is now, and a summary of each of its revisions, as
 * replayed from report.chapters.v1. Older revisions are read back from the topic when asked
 * for (so memory grows by a small summary per revision, not by its body). Only {@link #apply}
 * changes it, and only with events Kafka has committed.
 */
public class ChapterBook {

    /** How a chapter's revisions are read from its events (key, revision, metadata, state). */
    public static final Revisioned<ChapterChanged, ChapterState> REVISIONS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getSlug()), ChapterChanged::getRevision,
            ChapterChanged::getMetadata, ChapterChanged::getChapter);

    private final RevisionHistory<ChapterChanged, ChapterState> history;

    public ChapterBook(RevisionReader<ChapterChanged> log) {
        this.history = REVISIONS.newHistory(log::read);
    }

    public void apply(ChapterChanged event, LogPosition position) {
        history.apply(event, position);
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

    /** The chapter's last revision (its deletion included); empty if it never existed. */
    public OptionalLong lastRevision(String edition, String slug) {
        return history.lastRevision(Topics.sourceKey(edition, slug));
    }

    /** One page of a chapter's revisions, oldest first (empty if it never existed). */
    public RevisionPage revisions(String edition, String slug, RevisionPaging paging) {
        return history.page(Topics.sourceKey(edition, slug), paging);
    }

    /** Whether a chapter has a revision with that number. */
    public boolean hasRevision(String edition, String slug, long revision) {
        return history.has(Topics.sourceKey(edition, slug), revision);
    }

    /** The event of one revision: the latest from memory, an older one read back from the topic. */
    public Optional<ChapterChanged> revision(String edition, String slug, long revision) {
        return history.at(Topics.sourceKey(edition, slug), revision);
    }

    /** The events of revisions that exist ({@link #hasRevision}), in the order asked, with one read of the topic. */
    public List<ChapterChanged> revisions(String edition, String slug, List<Long> revisions) {
        return history.at(Topics.sourceKey(edition, slug), revisions);
    }

    /**
     * Every key's events, keys sorted, read back from the topic at the positions the book holds:
     * what a replay must give back exactly. For tests; it reads the whole history.
     */
    Map<String, List<ChapterChanged>> all() {
        Map<String, List<ChapterChanged>> all = new LinkedHashMap<>();
        history.keys().forEach(key -> all.put(key, history.events(key)));
        return all;
    }

    /** How many revisions the book holds a summary of. */
    long revisionCount() {
        return history.size();
    }

    String keyOf(ChapterChanged event) {
        return history.keyOf().apply(event);
    }
}
