package org.reportplatform.content.editions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.chapters.ChapterWrites;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.JointDecision;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.EventMetadata;
import org.springframework.http.HttpStatus;

/**
 * Decides every change to editions (admins only): starting one, empty or as a copy of another
 * edition's chapters; changing its titles and languages; publishing it; closing it.
 *
 * <p>A copy writes the new edition and its chapters in one Kafka transaction
 * ({@link RevisionLog#writeWith}), under both write locks: no reader ever sees the edition
 * without its chapters, and no chapter write slips in between the check that the new edition
 * has no chapter and the copy.
 */
public class EditionWrites {

    private final EditionBook book;
    private final EditionGuard guard;
    private final ChapterBook chapters;
    private final RevisionLog<EditionChanged> log;
    private final RevisionLog<ChapterChanged> chapterLog;
    private final EventMetadataFactory metadata;

    public EditionWrites(EditionBook book, EditionGuard guard, ChapterBook chapters, RevisionLog<EditionChanged> log,
            RevisionLog<ChapterChanged> chapterLog, EventMetadataFactory metadata) {
        this.book = book;
        this.guard = guard;
        this.chapters = chapters;
        this.log = log;
        this.chapterLog = chapterLog;
        this.metadata = metadata;
    }

    /** Starts an edition: a copy of {@code from}'s chapters, or an empty one. Not public until published. */
    public Written<Edition> create(String edition, NewEditionRequest request, Caller caller) {
        requireAdmin(caller, "only an admin starts an edition");
        EditionRules.checkYear(edition);
        EditionRules.checkNew(request);
        return log.writeWith(chapterLog, () -> {
            if (guard.edition(edition).isPresent() || book.latest(null, edition).isPresent()) {
                throw conflict("edition", "edition " + edition + " already exists");
            }
            EventMetadata meta = metadata.by(caller);
            if (request.from() == null) {
                EditionState state = EditionState.newBuilder().setTitle(request.title().strip()).setTitles(Map.of())
                        .setSourceLanguage(request.sourceLanguage())
                        .setTargetLanguages(request.targetLanguages() == null ? List.of() : request.targetLanguages())
                        .setStatus(EditionStatus.PREPARING).setStaleNotice(true).setCopiedFrom(null).build();
                EditionChanged created = event(meta, edition, state);
                return new JointDecision<>(List.of(created), List.of(), new Written<>(Edition.of(created), true));
            }
            Edition from = guard.edition(request.from()).orElseThrow(() -> book.notFound(null, request.from()));
            Map<String, String> titles = new LinkedHashMap<>();
            from.titles().forEach((language, title) -> titles.put(language, title.replace(from.edition(), edition)));
            EditionState state = EditionState.newBuilder()
                    .setTitle(request.title() == null ? from.title().replace(from.edition(), edition) : request.title().strip())
                    .setTitles(titles).setSourceLanguage(from.sourceLanguage()).setTargetLanguages(from.targetLanguages())
                    .setStatus(EditionStatus.PREPARING).setStaleNotice(from.staleNotice()).setAccessibilityBlocking(from.accessibilityBlocking())
                    .setCopiedFrom(from.edition()).build();
            EditionChanged created = event(meta, edition, state);
            List<ChapterChanged> copies = new ArrayList<>();
            for (Chapter chapter : chapters.chapters(from.edition())) {
                long revision = chapters.lastRevision(edition, chapter.slug()).orElse(0L) + 1;
                copies.add(ChapterWrites.copyTo(chapter, edition, revision, metadata.following(meta)));
            }
            return new JointDecision<>(List.of(created), copies, new Written<>(Edition.of(created), true));
        });
    }

    /** Changes an edition's titles, target languages, stale notice and accessibility blocking (If-Match required). */
    public Written<Edition> update(String edition, EditionRequest request, Preconditions preconditions, Caller caller) {
        requireAdmin(caller, "only an admin changes an edition");
        EditionRules.checkYear(edition);
        return log.write(() -> {
            Edition current = requireEdition(edition);
            preconditions.checkChange(OptionalLong.of(current.revision()));
            EditionRules.checkChange(request, current.sourceLanguage());
            EditionState state = EditionState.newBuilder(current.state()).setTitle(request.title().strip())
                    .setTitles(new LinkedHashMap<>(request.titles())).setTargetLanguages(request.targetLanguages())
                    .setStaleNotice(request.staleNotice())
                    .setAccessibilityBlocking(request.accessibilityBlocking() == null ? current.accessibilityBlocking()
                            : request.accessibilityBlocking())
                    .build();
            if (state.equals(current.state())) {
                return Decision.nothing(new Written<>(current, false));
            }
            EditionChanged changed = event(metadata.by(caller), edition, current.revision() + 1, state);
            return Decision.publish(changed, new Written<>(Edition.of(changed), false));
        });
    }

    /** Makes a prepared edition public. If-Match optional. */
    public Edition publish(String edition, Preconditions preconditions, Caller caller) {
        return transition(edition, preconditions, caller, Edition.Status.PREPARING, EditionStatus.PUBLISHED,
                "only a prepared edition is published");
    }

    /** Closes a published edition: it stays public, read-only; a correction is an erratum. If-Match optional. */
    public Edition close(String edition, Preconditions preconditions, Caller caller) {
        return transition(edition, preconditions, caller, Edition.Status.PUBLISHED, EditionStatus.CLOSED,
                "only a published edition is closed");
    }

    private Edition transition(String edition, Preconditions preconditions, Caller caller, Edition.Status from, EditionStatus to,
            String rule) {
        requireAdmin(caller, "only an admin publishes or closes an edition");
        EditionRules.checkYear(edition);
        return log.write(() -> {
            Edition current = requireEdition(edition);
            preconditions.checkIfPresent(OptionalLong.of(current.revision()));
            if (current.status() != from) {
                throw conflict("status", rule + "; edition " + edition + " is " + current.status().json());
            }
            EventMetadata meta = metadata.by(caller);
            EditionState.Builder state = EditionState.newBuilder(current.state()).setStatus(to);
            if (to == EditionStatus.PUBLISHED) {
                state.setPublishedAt(meta.getOccurredAt());
            } else {
                state.setClosedAt(meta.getOccurredAt());
            }
            EditionChanged changed = event(meta, edition, current.revision() + 1, state.build());
            return Decision.publish(changed, Edition.of(changed));
        });
    }

    private Edition requireEdition(String edition) {
        return guard.edition(edition).orElseThrow(() -> book.notFound(null, edition));
    }

    private EditionChanged event(EventMetadata meta, String edition, EditionState state) {
        return event(meta, edition, book.lastRevision(null, edition).orElse(0L) + 1, state);
    }

    private static EditionChanged event(EventMetadata meta, String edition, long revision, EditionState state) {
        return EditionChanged.newBuilder().setMetadata(meta).setEdition(edition).setRevision(revision).setState(state).build();
    }

    private static ApiException conflict(String field, String problem) {
        return new ApiException(HttpStatus.CONFLICT, field + ": " + problem, List.of(new ApiException.FieldProblem(field, problem)),
                Map.of());
    }

    private static void requireAdmin(Caller caller, String why) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden(why);
        }
    }
}
