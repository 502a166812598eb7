package org.reportplatform.gateway.studio.editions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.studio.StudioLabels;
import tools.jackson.databind.JsonNode;

/**
 * An edition of the report as content-service describes it ({@code GET /api/editions/{e}}): its
 * title (and its title per target language), the language it is written in, the languages it is
 * translated into, and where it stands (« En préparation », « Publiée », « Close »).
 *
 * @param status {@code preparing}, {@code published} or {@code closed}
 */
public record Edition(String edition, String title, Map<String, String> titles, String sourceLanguage, List<String> targetLanguages,
        String status, boolean staleNotice, boolean accessibilityBlocking, String copiedFrom, Instant publishedAt, Instant closedAt, long revision) {

    public static final String PREPARING = "preparing";
    public static final String PUBLISHED = "published";
    public static final String CLOSED = "closed";

    public Edition {
        titles = Map.copyOf(titles);
        targetLanguages = List.copyOf(targetLanguages);
    }

    /**
     * An edition the editions API does not describe (older data, or a stand-in service): published,
     * in French, with no translation, which is how the services read an edition without an edition event.
     */
    public static Edition unrecorded(String edition) {
        return new Edition(edition, "Rapport annuel " + edition, Map.of(), "fr", List.of(), PUBLISHED, true, false, null, null, null, 0);
    }

    /** Read leniently: what is missing takes the meaning of an edition without an edition event. */
    public static Edition of(JsonNode json, String edition) {
        Map<String, String> titles = new LinkedHashMap<>();
        json.path("titles").properties().forEach(entry -> titles.put(entry.getKey(), entry.getValue().asString("")));
        List<String> targets = new ArrayList<>();
        json.path("targetLanguages").forEach(language -> targets.add(language.asString("")));
        String id = json.path("edition").asString(edition == null ? "" : edition);
        String title = json.path("title").asString("");
        return new Edition(id, title.isBlank() ? "Rapport annuel " + id : title, titles, json.path("sourceLanguage").asString("fr"),
                targets, json.path("status").asString(PUBLISHED).toLowerCase(java.util.Locale.ROOT), json.path("staleNotice").asBoolean(true),
                json.path("accessibilityBlocking").asBoolean(false),
                text(json, "copiedFrom"), StudioLabels.instant(text(json, "publishedAt")), StudioLabels.instant(text(json, "closedAt")),
                json.path("revision").asLong(0));
    }

    public boolean preparing() {
        return PREPARING.equals(status);
    }

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    public boolean closed() {
        return CLOSED.equals(status);
    }

    /** Whether anyone may read it on the public site. */
    public boolean isPublic() {
        return !preparing();
    }

    /** « En préparation », « Publiée », « Close ». */
    public String state() {
        return switch (status) {
            case PREPARING -> "En préparation";
            case CLOSED -> "Close";
            default -> "Publiée";
        };
    }

    /** The badge's class in the studio's style sheet. */
    public String stateClass() {
        return switch (status) {
            case PREPARING -> "draft";
            case CLOSED -> "closed";
            default -> "published";
        };
    }

    /** « français → anglais, espagnol », or « français (pas de traduction) ». */
    public String languagesSaid() {
        String source = Languages.name(sourceLanguage);
        return targetLanguages.isEmpty() ? source + " (pas de traduction)"
                : source + " → " + String.join(", ", targetLanguages.stream().map(Languages::name).toList());
    }

    public boolean translatesInto(String language) {
        return targetLanguages.contains(language);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString(null);
    }
}
