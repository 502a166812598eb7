package org.reportplatform.content.drafts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftNote;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.PublicationSchedule;

/**
 * A working draft as the API shows it, of a chapter or of one of its translations
 * ({@code language}): its text, the published revision it was started from, where its review
 * stands, when it is to be published, and how it compares with what is published now
 * ({@code chapterRevision}, {@code stale}, {@code ownerTeam}).
 */
public record Draft(
        String edition,
        String slug,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true,
                description = "null: the chapter's own draft; else the target language of the translation drafted") String language,
        String title,
        String body,
        @Schema(description = "The published chapter's (a translation draft: the published translation's) revision the draft is based on; "
                + "0 for a translation not written yet") long baseRevision,
        @Schema(description = "The published chapter's (translation's) current revision (0 if deleted, or not written yet)") long chapterRevision,
        @Schema(description = "The published title or body changed since baseRevision: publishing answers 409 until merged") boolean stale,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "A translation draft only: the source "
                + "chapter revision it translates, when the draft says so (else the chapter's revision current at publication)") Long sourceRevision,
        @Schema(description = "The team that owns the chapter now") String ownerTeam,
        @Schema(allowableValues = {"editing", "submitted", "changes-requested", "approved"}) String review,
        @Schema(description = "The edition requires an approval before publishing") boolean reviewRequired,
        List<Note> notes,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "null when not scheduled") Schedule schedule,
        long revision,
        Instant updatedAt,
        String updatedBy,
        String updatedByName) implements AtRevision {

    public Draft {
        notes = List.copyOf(notes);
    }

    /** One step of the review or the scheduling: who, when, about which draft revision, and the comment. */
    public record Note(
            @Schema(allowableValues = {"submitted", "approved", "changes-requested", "approval-withdrawn", "scheduled",
                    "unscheduled", "schedule-failed", "other"}) String kind,
            Instant at, String actor, String actorName, long draftRevision, String comment) {
    }

    /** When the draft is to be published: the instant, and the local date-time and zone as chosen. */
    public record Schedule(Instant at, String localDateTime, String timeZone) {
    }

    @JsonIgnore
    public DraftKey key() {
        return new DraftKey(edition, slug, language);
    }

    /** The draft an event leaves, without the published side (see {@link #against}). */
    static Draft of(DraftChanged event) {
        DraftState state = event.getDraft();
        PublicationSchedule schedule = state.getSchedule();
        return new Draft(event.getEdition(), event.getSlug(), event.getLanguage(), state.getTitle(), state.getBody(),
                state.getBaseRevision(), 0, false, state.getSourceRevision(), null, kebab(state.getReview().name()), false, state.getNotes().stream().map(Draft::note).toList(),
                schedule == null ? null : new Schedule(schedule.getAt(), schedule.getLocalDateTime(), schedule.getTimeZone()),
                event.getRevision(), event.getMetadata().getOccurredAt(), event.getMetadata().getActor(),
                RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()));
    }

    /** The same draft seen against what is published now. */
    Draft against(long chapterRevision, boolean stale, String ownerTeam, boolean reviewRequired) {
        return new Draft(edition, slug, language, title, body, baseRevision, chapterRevision, stale, sourceRevision, ownerTeam, review, reviewRequired, notes,
                schedule, revision, updatedAt, updatedBy, updatedByName);
    }

    private static Note note(DraftNote note) {
        return new Note(kebab(note.getKind().name()), note.getAt(), note.getActor(), note.getActorName(), note.getDraftRevision(),
                note.getComment());
    }

    /** {@code CHANGES_REQUESTED} → {@code changes-requested}: the API's spelling of the events' enums. */
    static String kebab(String symbol) {
        return symbol.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
