package org.reportplatform.gateway.studio.translations;

import org.reportplatform.gateway.studio.editions.Languages;
import tools.jackson.databind.JsonNode;

/**
 * One target language of a chapter: the translation's state, and the link that acts on it
 * (« Traduire en anglais » when missing, « Mettre à jour la traduction » when stale).
 *
 * @param revision       the translation's revision; null when missing
 * @param sourceRevision the chapter revision it translates; null when missing
 * @param draftOpen      a draft of the translation is open (« Brouillon en cours »), as far as the person may read drafts
 */
public record TranslationRow(String language, TranslationState state, Long revision, Long sourceRevision, String translatorTeam,
        boolean draftOpen) {

    static TranslationRow of(String language, JsonNode json) {
        return new TranslationRow(language, TranslationState.of(json.path("status").asString(null)), number(json, "revision"),
                number(json, "sourceRevision"), json.path("translatorTeam").isString() ? json.path("translatorTeam").asString() : null,
                false);
    }

    /** The same row, saying whether a draft of this translation of {@code slug} is among {@code openDrafts} ({@code slug/language}). */
    TranslationRow withDrafts(String slug, java.util.Set<String> openDrafts) {
        return new TranslationRow(language, state, revision, sourceRevision, translatorTeam, openDrafts.contains(slug + "/" + language));
    }

    public String languageName() {
        return Languages.name(language);
    }

    /** The link's words: what the person can do with this translation. */
    public String action() {
        return switch (state) {
            case MISSING -> "Traduire " + Languages.into(language);
            case STALE -> "Mettre à jour la traduction";
            case TRANSLATED -> "Modifier la traduction";
        };
    }

    static Long number(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNumber() ? value.asLong() : null;
    }
}
