package org.reportplatform.content.drafts;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.platform.revisions.RevisionPaging;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.ChapterState;

/**
 * The published chapter as a draft sees it: what it says now, what it said at the draft's base
 * revision, and whether its title or body changed in between.
 */
class PublishedChapters {

    private final ChapterBook chapters;
    private final DraftsProperties properties;

    PublishedChapters(ChapterBook chapters, DraftsProperties properties) {
        this.chapters = chapters;
        this.properties = properties;
    }

    Optional<Chapter> current(String edition, String slug) {
        return chapters.current(edition, slug);
    }

    /** The chapter as it is now; 404 if it does not exist (any more). */
    Chapter requireCurrent(String edition, String slug) {
        return chapters.requireCurrent(edition, slug);
    }

    /** The draft with the chapter's side filled in: its current revision and owner, whether the draft is stale. */
    Draft view(Draft draft) {
        Optional<Chapter> chapter = current(draft.edition(), draft.slug());
        return draft.against(chapter.map(Chapter::revision).orElse(0L), changedSince(draft), chapter.map(Chapter::ownerTeam).orElse(null),
                properties.reviewRequired(draft.edition()));
    }

    /**
     * Whether the chapter's title or body differ from what they were at the draft's base revision
     * (or the chapter was deleted). The revisions' summaries answer from memory in the common
     * cases (no revision since, or only moves); the base's text is read back from the topic only
     * when a revision since changed title or body (it may have been changed back).
     */
    boolean changedSince(Draft draft) {
        Optional<Chapter> chapter = current(draft.edition(), draft.slug());
        if (chapter.isEmpty()) {
            return true;
        }
        long since = chapter.get().revision() - draft.baseRevision();
        if (since <= 0) {
            return false;
        }
        boolean textTouched = since > RevisionPaging.MAX_LIMIT || chapters.revisions(draft.edition(), draft.slug(),
                new RevisionPaging(OptionalLong.empty(), (int) since)).revisions().stream()
                .anyMatch(PublishedChapters::touchesText);
        return textTouched && base(draft).map(base -> !sameText(base, chapter.get())).orElse(true);
    }

    /** The chapter's content at the draft's base revision; empty if that revision deleted it. */
    Optional<ChapterState> base(Draft draft) {
        return chapters.revision(draft.edition(), draft.slug(), draft.baseRevision())
                .map(org.reportplatform.schemas.ChapterChanged::getChapter);
    }

    boolean reviewRequired(String edition) {
        return properties.reviewRequired(edition);
    }

    private static boolean touchesText(RevisionSummary summary) {
        return summary.deleted() || summary.changed().contains("title") || summary.changed().contains("body");
    }

    private static boolean sameText(ChapterState base, Chapter now) {
        return Objects.equals(base.getTitle(), now.title()) && Objects.equals(base.getBody(), now.body());
    }
}
