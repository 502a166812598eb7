package org.reportplatform.content.translations;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;

/**
 * Decides every change to translations: the language must be one the edition is translated into,
 * the chapter must exist, the change must be based on the current revision, and the caller must be
 * of the chapter's team, of the translator team, or an admin (only an admin names the translator team).
 */
public class TranslationWrites {

    private final TranslationBook book;
    private final ChapterBook chapters;
    private final RevisionLog<TranslationChanged> log;
    private final EventMetadataFactory metadata;
    private final ChapterProperties limits;
    private final EditionGuard editions;

    TranslationWrites(TranslationBook book, ChapterBook chapters, RevisionLog<TranslationChanged> log, EventMetadataFactory metadata,
            ChapterProperties limits, EditionGuard editions) {
        this.book = book;
        this.chapters = chapters;
        this.log = log;
        this.metadata = metadata;
        this.limits = limits;
        this.editions = editions;
    }

    /**
     * Creates (If-None-Match: *) or changes (If-Match) a translation. The new revision records the
     * source revision it translates: the one given, else the chapter's current one, which is what
     * makes a stale translation current again.
     */
    public Written<TranslationText> put(String edition, String slug, String language, TranslationRequest request,
            Preconditions preconditions, Caller caller) {
        TranslationRules.checkPath(edition, slug, language, limits);
        TranslationRules.checkRequest(request, limits);
        return log.write(() -> {
            Chapter chapter = writableChapter(edition, slug, language);
            Optional<TranslationText> current = book.current(edition, slug, language);
            preconditions.checkWrite(revisionOf(current));
            String currentTeam = current.map(TranslationText::translatorTeam).orElse(null);
            String team = request.translatorTeam() == null ? currentTeam : request.translatorTeam();
            if (!Objects.equals(team, currentTeam)) {
                requireAdmin(caller, "only an admin assigns a chapter's translation to a translator team");
            }
            if (request.isAssignmentOnly()) {
                requireAdmin(caller, "title and body are required: only an admin sends the translator team alone");
            }
            requireMayTranslate(caller, chapter, currentTeam, language);
            if (!request.isAssignmentOnly()) {
                editions.checkAccessible(edition, request.body());
            }
            TranslationState state = request.isAssignmentOnly()
                    ? assignment(current, team, chapter)
                    : new TranslationState(request.title(), request.body(), sourceRevision(request, chapter), team);
            if (current.isPresent() && state.equals(current.get().state())) {
                return Decision.nothing(new Written<>(current.get(), false));
            }
            TranslationChanged event = event(caller, edition, slug, language, nextRevision(edition, slug, language), state);
            return Decision.publish(event, new Written<>(TranslationText.of(event), current.isEmpty()));
        });
    }

    /** Removes a translation (If-Match required): the page in that language shows the source text again. Its history stays. */
    public void delete(String edition, String slug, String language, Preconditions preconditions, Caller caller) {
        TranslationRules.checkPath(edition, slug, language, limits);
        log.write(() -> {
            Chapter chapter = writableChapter(edition, slug, language);
            TranslationText current = book.requireCurrent(edition, TranslationBook.id(slug, language));
            preconditions.checkChange(OptionalLong.of(current.revision()));
            requireMayTranslate(caller, chapter, current.translatorTeam(), language);
            return Decision.publish(event(caller, edition, slug, language, current.revision() + 1, null), null);
        });
    }

    /**
     * Makes revision {@code revision}'s text (title, body and the source revision it translated)
     * current again, as a new revision; the translator team stays as it is now. A deleted
     * translation comes back. If-Match is optional (an explicit choice), checked when sent.
     */
    public Written<TranslationText> restore(String edition, String id, long revision, Preconditions preconditions, Caller caller) {
        TranslationRules.checkId(edition, id, limits);
        String slug = id.substring(0, id.indexOf('/'));
        String language = id.substring(id.indexOf('/') + 1);
        return log.write(() -> {
            Chapter chapter = writableChapter(edition, slug, language);
            TranslationChanged old = book.requireRevision(edition, id, revision);
            if (old.getTranslation() == null) {
                throw ApiException.badRequest("revision", "revision " + revision
                        + " deleted the translation: it has no text to restore; restore a revision before it");
            }
            Optional<TranslationText> current = book.current(edition, id);
            preconditions.checkIfPresent(revisionOf(current));
            String team = current.map(TranslationText::translatorTeam).orElse(old.getTranslation().getTranslatorTeam());
            requireMayTranslate(caller, chapter, team, language);
            TranslationState state = TranslationState.newBuilder(old.getTranslation()).setTranslatorTeam(team).build();
            if (current.isPresent() && state.equals(current.get().state())) {
                return Decision.nothing(new Written<>(current.get(), false));
            }
            TranslationChanged event = event(caller, edition, slug, language, nextRevision(edition, slug, language), state);
            return Decision.publish(event, new Written<>(TranslationText.of(event), current.isEmpty()));
        });
    }

    /** The chapter a translation belongs to, once the edition takes changes and translates into {@code language}. */
    private Chapter writableChapter(String edition, String slug, String language) {
        editions.checkWritable(edition);
        return existingChapter(chapters, editions, edition, slug, language);
    }

    /** The chapter, if the edition translates into {@code language} (400) and the chapter exists (404). */
    static Chapter existingChapter(ChapterBook chapters, EditionGuard editions, String edition, String slug, String language) {
        TranslationRules.checkTarget(edition, language, editions.edition(edition));
        return chapters.requireCurrent(edition, slug);
    }

    private long sourceRevision(TranslationRequest request, Chapter chapter) {
        if (request.sourceRevision() == null) {
            return chapter.revision();
        }
        TranslationRules.checkSourceRevision(request.sourceRevision(), chapter.slug(), chapter.revision());
        return request.sourceRevision();
    }

    /** A translator team named before anyone translated: no text yet (missing), or the text as it is. */
    private static TranslationState assignment(Optional<TranslationText> current, String team, Chapter chapter) {
        return current.map(text -> TranslationState.newBuilder(text.state()).setTranslatorTeam(team).build())
                .orElseGet(() -> new TranslationState("", "", chapter.revision(), team));
    }

    /** 403 unless the caller is of the chapter's team, of the translator team, or an admin. */
    static void requireMayTranslate(Caller caller, Chapter chapter, String translatorTeam, String language) {
        if (!mayTranslate(caller, chapter.ownerTeam(), translatorTeam)) {
            throw ApiException.forbidden("chapter " + chapter.slug() + " belongs to team " + chapter.ownerTeam()
                    + (translatorTeam == null ? "" : " and its " + language + " translation to team " + translatorTeam)
                    + "; your token may translate only your teams' chapters");
        }
    }

    static boolean mayTranslate(Caller caller, String ownerTeam, String translatorTeam) {
        return caller.mayEdit(ownerTeam) || (translatorTeam != null && caller.teams().contains(translatorTeam));
    }

    private static void requireAdmin(Caller caller, String why) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden(why);
        }
    }

    private long nextRevision(String edition, String slug, String language) {
        return book.lastRevision(edition, TranslationBook.id(slug, language)).orElse(0L) + 1;
    }

    private TranslationChanged event(Caller caller, String edition, String slug, String language, long revision, TranslationState state) {
        return event(metadata.by(caller), edition, slug, language, revision, state);
    }

    static TranslationChanged event(EventMetadata meta, String edition, String slug, String language, long revision,
            TranslationState state) {
        return TranslationChanged.newBuilder().setMetadata(meta).setEdition(edition).setSlug(slug)
                .setLanguage(language).setRevision(revision).setTranslation(state).build();
    }

    private static OptionalLong revisionOf(Optional<TranslationText> translation) {
        return translation.map(t -> OptionalLong.of(t.revision())).orElse(OptionalLong.empty());
    }
}
