package org.reportplatform.content.translations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.drafts.DraftKey;
import org.reportplatform.content.drafts.DraftTarget;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;

/**
 * The draft of a chapter's translation becomes the translation's next revision: its title and
 * body from the draft, the source revision the draft names or else the chapter's current one, the
 * translator team as it is. The same rights as the translation: the chapter's team, the translator
 * team, admins. A draft may be started before anyone translated (based on revision 0).
 */
class TranslationDrafts implements DraftTarget<TranslationChanged, Translation> {

    private final TranslationBook book;
    private final ChapterBook chapters;
    private final TranslationViews views;
    private final RevisionLog<TranslationChanged> log;
    private final ChapterProperties limits;
    private final EditionGuard editions;

    TranslationDrafts(TranslationBook book, ChapterBook chapters, TranslationViews views, RevisionLog<TranslationChanged> log,
            ChapterProperties limits, EditionGuard editions) {
        this.book = book;
        this.chapters = chapters;
        this.views = views;
        this.log = log;
        this.limits = limits;
        this.editions = editions;
    }

    @Override
    public RevisionLog<TranslationChanged> log() {
        return log;
    }

    @Override
    public boolean handles(DraftKey key) {
        return key.isTranslation();
    }

    @Override
    public void checkPath(DraftKey key) {
        TranslationRules.checkPath(key.edition(), key.slug(), key.language(), limits);
    }

    @Override
    public void checkExists(DraftKey key) {
        TranslationWrites.existingChapter(chapters, editions, key.edition(), key.slug(), key.language());
    }

    @Override
    public Published published(DraftKey key) {
        Optional<TranslationText> current = book.current(key.edition(), key.slug(), key.language());
        return new Published(current.filter(TranslationText::hasText).map(t -> new Text(t.title(), t.body(), t.revision())),
                chapters.current(key.edition(), key.slug()).map(Chapter::ownerTeam).orElse(null));
    }

    @Override
    public long currentRevision(DraftKey key) {
        return book.current(key.edition(), key.slug(), key.language()).map(TranslationText::revision).orElse(0L);
    }

    /** Any revision since the base whose text differs from the base's (a translator team assigned alone does not count). */
    @Override
    public boolean changedSince(DraftKey key, long baseRevision) {
        if (currentRevision(key) == baseRevision) {
            return false;
        }
        Optional<Text> now = published(key).text();
        Optional<Text> base = base(key, baseRevision);
        return !Objects.equals(now.map(t -> List.of(t.title(), t.body())), base.map(t -> List.of(t.title(), t.body())));
    }

    @Override
    public Optional<Text> base(DraftKey key, long baseRevision) {
        if (baseRevision < 1) {
            return Optional.empty();
        }
        return book.revision(key.edition(), TranslationBook.id(key.slug(), key.language()), baseRevision)
                .map(TranslationChanged::getTranslation).filter(state -> !state.getTitle().isEmpty())
                .map(state -> new Text(state.getTitle(), state.getBody(), baseRevision));
    }

    @Override
    public int position(DraftKey key) {
        return chapters.current(key.edition(), key.slug()).map(Chapter::position).orElse(Integer.MAX_VALUE);
    }

    @Override
    public void requireWriter(Caller caller, DraftKey key) {
        Chapter chapter = chapters.requireCurrent(key.edition(), key.slug());
        TranslationWrites.requireMayTranslate(caller, chapter, translatorTeam(key), key.language());
    }

    @Override
    public boolean mayRead(Caller caller, DraftKey key) {
        return TranslationWrites.mayTranslate(caller, published(key).ownerTeam(), translatorTeam(key)) || caller.has(Role.REVIEWER);
    }

    @Override
    public Publication<TranslationChanged, Translation> publishing(DraftKey key, DraftState draft, EventMetadata meta) {
        Chapter chapter = TranslationWrites.existingChapter(chapters, editions, key.edition(), key.slug(), key.language());
        long sourceRevision = draft.getSourceRevision() == null ? chapter.revision() : draft.getSourceRevision();
        TranslationRules.checkSourceRevision(sourceRevision, chapter.slug(), chapter.revision());
        Optional<TranslationText> current = book.current(key.edition(), key.slug(), key.language());
        TranslationState state = new TranslationState(draft.getTitle(), draft.getBody(), sourceRevision,
                current.map(TranslationText::translatorTeam).orElse(null));
        if (current.isPresent() && state.equals(current.get().state())) {
            return new Publication<>(List.of(), current.get().revision(), views.view(current.get()));
        }
        long next = book.lastRevision(key.edition(), TranslationBook.id(key.slug(), key.language())).orElse(0L) + 1;
        TranslationChanged event = TranslationWrites.event(meta, key.edition(), key.slug(), key.language(), next, state);
        return new Publication<>(List.of(event), next, views.view(TranslationText.of(event)));
    }

    private String translatorTeam(DraftKey key) {
        return book.current(key.edition(), key.slug(), key.language()).map(TranslationText::translatorTeam).orElse(null);
    }
}
