package org.reportplatform.content.translations;

import java.time.Instant;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;

/**
 * One revision of a chapter's translation as the log holds it: its text, the source revision it
 * translates and the translator team. What its history shows; the API's {@link Translation} adds
 * what the source chapter says now (owner team, whether the text is stale).
 */
public record TranslationText(
        String edition,
        String slug,
        String language,
        String title,
        String body,
        long sourceRevision,
        String translatorTeam,
        long revision,
        Instant updatedAt,
        String updatedBy,
        String updatedByName) implements AtRevision {

    public static TranslationText of(TranslationChanged event) {
        TranslationState state = event.getTranslation();
        return new TranslationText(event.getEdition(), event.getSlug(), event.getLanguage(), state.getTitle(), state.getBody(),
                state.getSourceRevision(), state.getTranslatorTeam(), event.getRevision(), event.getMetadata().getOccurredAt(),
                event.getMetadata().getActor(),
                RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()));
    }

    /** False for an assignment alone: an admin named the translator team, no one has translated yet. */
    public boolean hasText() {
        return !title.isEmpty();
    }

    TranslationState state() {
        return TranslationState.newBuilder().setTitle(title).setBody(body).setSourceRevision(sourceRevision)
                .setTranslatorTeam(translatorTeam).build();
    }
}
