package org.reportplatform.gateway.studio.chapters;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * A chapter as content-service answers it (the current one or a past revision), reduced to what
 * the editor shows.
 *
 * @param updatedByName who saved this revision, as people call them (the account's name, else the
 *                      recorded actor)
 */
public record ChapterText(String slug, String title, String body, long revision, String ownerTeam, Instant updatedAt,
                          String updatedByName) {

    static ChapterText of(JsonNode json) {
        String name = json.path("updatedByName").asString("");
        if (name.isBlank()) {
            name = json.path("updatedBy").asString("");
        }
        return new ChapterText(json.path("slug").asString(""), json.path("title").asString(""), json.path("body").asString(""),
                json.path("revision").asLong(-1), json.path("ownerTeam").asString(""), instant(json.path("updatedAt").asString("")), name);
    }

    private static Instant instant(String text) {
        try {
            return text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
