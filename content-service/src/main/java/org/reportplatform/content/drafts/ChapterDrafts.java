package org.reportplatform.content.drafts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.chapters.ChapterWrites;
import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionPaging;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.EventMetadata;

/**
 * A chapter's own draft becomes the chapter's next revision: its title and body from the draft,
 * place, owner team and language as the chapter has them. Written by the chapter's team and admins.
 */
class ChapterDrafts implements DraftTarget<ChapterChanged, Chapter> {

    private final ChapterBook chapters;
    private final RevisionLog<ChapterChanged> log;
    private final ChapterProperties limits;

    ChapterDrafts(ChapterBook chapters, RevisionLog<ChapterChanged> log, ChapterProperties limits) {
        this.chapters = chapters;
        this.log = log;
        this.limits = limits;
    }

    @Override
    public RevisionLog<ChapterChanged> log() {
        return log;
    }

    @Override
    public boolean handles(DraftKey key) {
        return !key.isTranslation();
    }

    @Override
    public void checkPath(DraftKey key) {
        ChapterChecks.checkPath(key.edition(), key.slug(), limits.maxSlugLength());
    }

    @Override
    public void checkExists(DraftKey key) {
        chapters.requireCurrent(key.edition(), key.slug());
    }

    @Override
    public Published published(DraftKey key) {
        Optional<Chapter> chapter = chapters.current(key.edition(), key.slug());
        return new Published(chapter.map(c -> new Text(c.title(), c.body(), c.revision())), chapter.map(Chapter::ownerTeam).orElse(null));
    }

    /**
     * The revisions' summaries answer from memory in the common cases (no revision since, or only
     * moves); the base's text is read back from the topic only when a revision since changed title
     * or body (it may have been changed back). A deleted chapter has changed.
     */
    @Override
    public boolean changedSince(DraftKey key, long baseRevision) {
        Optional<Chapter> chapter = chapters.current(key.edition(), key.slug());
        if (chapter.isEmpty()) {
            return true;
        }
        long since = chapter.get().revision() - baseRevision;
        if (since <= 0) {
            return false;
        }
        boolean textTouched = since > RevisionPaging.MAX_LIMIT || chapters.revisions(key.edition(), key.slug(),
                new RevisionPaging(OptionalLong.empty(), (int) since)).revisions().stream().anyMatch(ChapterDrafts::touchesText);
        return textTouched && base(key, baseRevision)
                .map(base -> !(Objects.equals(base.title(), chapter.get().title()) && Objects.equals(base.body(), chapter.get().body())))
                .orElse(true);
    }

    @Override
    public Optional<Text> base(DraftKey key, long baseRevision) {
        return chapters.revision(key.edition(), key.slug(), baseRevision).map(ChapterChanged::getChapter)
                .map(state -> new Text(state.getTitle(), state.getBody(), baseRevision));
    }

    @Override
    public int position(DraftKey key) {
        return chapters.current(key.edition(), key.slug()).map(Chapter::position).orElse(Integer.MAX_VALUE);
    }

    @Override
    public void requireWriter(Caller caller, DraftKey key) {
        String ownerTeam = published(key).ownerTeam();
        if (!caller.mayEdit(ownerTeam)) {
            throw ApiException.forbidden("the chapter belongs to team " + ownerTeam + "; only its team and admins write its draft");
        }
    }

    @Override
    public boolean mayRead(Caller caller, DraftKey key) {
        return caller.mayEdit(published(key).ownerTeam()) || caller.has(Role.REVIEWER);
    }

    @Override
    public Publication<ChapterChanged, Chapter> publishing(DraftKey key, DraftState draft, EventMetadata meta) {
        Chapter chapter = chapters.requireCurrent(key.edition(), key.slug());
        if (draft.getTitle().equals(chapter.title()) && draft.getBody().equals(chapter.body())) {
            return new Publication<>(List.of(), chapter.revision(), chapter);
        }
        ChapterChanged next = ChapterWrites.withText(chapter, draft.getTitle(), draft.getBody(), meta);
        return new Publication<>(List.of(next), next.getRevision(), Chapter.of(next));
    }

    private static boolean touchesText(RevisionSummary summary) {
        return summary.deleted() || summary.changed().contains("title") || summary.changed().contains("body");
    }
}
