package org.reportplatform.content.chapters;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.RevisionPage;
import org.reportplatform.platform.revisions.RevisionPaging;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.Topics;

/**
 * Every chapter of every edition as it is now, and a summary of each of its revisions, as
 * replayed from report.chapters.v1 (a {@link RevisionBook} of the chapters).
 */
public class ChapterBook extends RevisionBook<ChapterChanged, ChapterState, Chapter> {

    /** What is specific to chapters: keyed {edition}/{slug}, listed in report order, title and body diffed line by line. */
    public static final ResourceFamily<ChapterChanged, ChapterState, Chapter> CHAPTERS = new ResourceFamily<>("chapter",
            Topics.CHAPTERS, new Revisioned<>(e -> Topics.sourceKey(e.getEdition(), e.getSlug()), ChapterChanged::getRevision,
                    ChapterChanged::getMetadata, ChapterChanged::getChapter),
            Chapter::of, Comparator.comparingInt(Chapter::position).thenComparing(Chapter::slug), List.of("title", "body"));

    public ChapterBook(RevisionReader<ChapterChanged> log) {
        super(CHAPTERS, log);
    }

    /** The chapters of an edition in report order. */
    public List<Chapter> chapters(String edition) {
        return list(edition);
    }

    /** The editions that have at least one chapter. */
    public Set<String> editions() {
        return list(null).stream().map(Chapter::edition).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The chapter's latest revision that changed its title or body (its creation included), read
     * from the revision summaries the book holds: a renumbering, an owner change or a deletion is
     * not a text change. What a translation is compared with to know whether it is stale. Empty
     * if the chapter never existed. Walks back from the newest revision, a page at a time.
     */
    public OptionalLong textRevision(String edition, String slug) {
        OptionalLong before = OptionalLong.empty();
        while (true) {
            RevisionPage page = revisions(edition, slug, new RevisionPaging(before, RevisionPaging.MAX_LIMIT));
            List<RevisionSummary> revisions = page.revisions();
            for (int i = revisions.size() - 1; i >= 0; i--) {
                RevisionSummary summary = revisions.get(i);
                if (!summary.deleted() && (summary.changed().contains("title") || summary.changed().contains("body"))) {
                    return OptionalLong.of(summary.revision());
                }
            }
            if (page.nextBefore().isEmpty()) {
                return OptionalLong.empty();
            }
            before = page.nextBefore();
        }
    }
}
