package org.reportplatform.content.chapters;

/**
 * The body of {@code PUT /api/editions/{edition}/chapters/{slug}}. Title and body are required;
 * position, ownerTeam and language are optional (an admin sets position and ownerTeam).
 * {@code erratum} says what a correction of a closed edition's chapter corrected (required then,
 * refused otherwise). Read-only fields of {@link Chapter} (revision, updatedAt, errata...) may be
 * sent back and are ignored.
 */
public record ChapterRequest(String title, String body, Integer position, String ownerTeam, String language, String erratum) {

    public ChapterRequest(String title, String body, Integer position, String ownerTeam, String language) {
        this(title, body, position, ownerTeam, language, null);
    }
}
