package org.reportplatform.gateway.studio.translations;

import java.time.Instant;
import org.reportplatform.gateway.studio.StudioLabels;
import tools.jackson.databind.JsonNode;

/**
 * A chapter's translation into one language ({@code GET …/chapters/{slug}/translations/{lang}}).
 *
 * @param sourceRevision     the chapter revision it translates
 * @param chapterRevision    the chapter's current revision
 * @param sourceTextRevision the chapter's latest revision that changed its title or text
 */
public record Translation(String language, String title, String body, long sourceRevision, String translatorTeam, String ownerTeam,
        TranslationState state, long chapterRevision, long sourceTextRevision, long revision, Instant updatedAt, String updatedByName) {

    static Translation of(JsonNode json, String language) {
        String name = text(json, "updatedByName");
        return new Translation(json.path("language").asString(language), json.path("title").asString(""), json.path("body").asString(""),
                json.path("sourceRevision").asLong(0), text(json, "translatorTeam"), text(json, "ownerTeam"),
                TranslationState.of(json.path("status").asString(null)), json.path("chapterRevision").asLong(0),
                json.path("sourceTextRevision").asLong(0), json.path("revision").asLong(0),
                StudioLabels.instant(text(json, "updatedAt")), name != null ? name : text(json, "updatedBy"));
    }

    public boolean stale() {
        return state == TranslationState.STALE;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString(null);
    }
}
