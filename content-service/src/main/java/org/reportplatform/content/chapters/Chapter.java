package org.reportplatform.content.chapters;

import java.time.Instant;
import java.util.List;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;

/**
 * A chapter as the API shows it: its current state and where that state came from, and the
 * errata that corrected it after its edition was closed (oldest first; usually none).
 */
public record Chapter(
        String edition,
        String slug,
        String title,
        String body,
        int position,
        String ownerTeam,
        String language,
        long revision,
        Instant updatedAt,
        String updatedBy,
        String updatedByName,
        List<Correction> errata) implements AtRevision {

    /** A correction made after the edition was closed: when, and what was corrected (shown on the public page). */
    public record Correction(Instant at, String note) {
    }

    public Chapter {
        errata = List.copyOf(errata);
    }

    public static Chapter of(ChapterChanged event) {
        ChapterState state = event.getChapter();
        return new Chapter(event.getEdition(), event.getSlug(), state.getTitle(), state.getBody(), state.getPosition(),
                state.getOwnerTeam(), state.getLanguage(), event.getRevision(), event.getMetadata().getOccurredAt(),
                event.getMetadata().getActor(),
                RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()),
                state.getErrata().stream().map(e -> new Correction(e.getAt(), e.getNote())).toList());
    }
}
