package org.reportplatform.content.chapters;

/**
 * The body of {@code PUT /api/editions/{edition}/chapters/{slug}}. Title and body are required;
 * position, ownerTeam and language are optional (an admin sets position and ownerTeam).
 * Read-only fields of {@link Chapter} (revision, updatedAt...) may be sent back and are ignored.
 */
public record ChapterRequest(String title, String body, Integer position, String ownerTeam, String language) {
}
