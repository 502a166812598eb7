package org.reportplatform.content.translations;

import java.time.Instant;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.platform.revisions.AtRevision;

/**
 * A chapter's translation as the API shows it: its text and where it came from, and how it
 * stands against the source chapter now.
 *
 * @param sourceRevision     the source chapter's revision this text translates
 * @param ownerTeam          the source chapter's team (it may edit the translation too)
 * @param status             {@code translated}, or {@code stale} when the source's title or body
 *                           changed after {@code sourceRevision}
 * @param chapterRevision    the source chapter's current revision
 * @param sourceTextRevision the source's latest revision that changed its title or body
 */
public record Translation(
        String edition,
        String slug,
        String language,
        String title,
        String body,
        long sourceRevision,
        String translatorTeam,
        String ownerTeam,
        String status,
        long chapterRevision,
        long sourceTextRevision,
        long revision,
        Instant updatedAt,
        String updatedBy,
        String updatedByName) implements AtRevision {

    /** The text against the source chapter as it is now, whose last text change is {@code sourceTextRevision}. */
    static Translation of(TranslationText text, Chapter source, long sourceTextRevision) {
        return new Translation(text.edition(), text.slug(), text.language(), text.title(), text.body(), text.sourceRevision(),
                text.translatorTeam(), source.ownerTeam(), TranslationStatus.of(text, sourceTextRevision).json(),
                source.revision(), sourceTextRevision, text.revision(), text.updatedAt(), text.updatedBy(), text.updatedByName());
    }
}
