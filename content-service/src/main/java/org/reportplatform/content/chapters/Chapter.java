package org.reportplatform.content.chapters;

import java.time.Instant;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;

/** A chapter as the API shows it: its current state and where that state came from. */
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
        String updatedByName) implements AtRevision {

    public static Chapter of(ChapterChanged event) {
        ChapterState state = event.getChapter();
        return new Chapter(event.getEdition(), event.getSlug(), state.getTitle(), state.getBody(), state.getPosition(),
                state.getOwnerTeam(), state.getLanguage(), event.getRevision(), event.getMetadata().getOccurredAt(),
                event.getMetadata().getActor(),
                RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()));
    }
}
