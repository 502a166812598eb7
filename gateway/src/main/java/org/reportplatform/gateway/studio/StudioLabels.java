package org.reportplatform.gateway.studio;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.reportplatform.gateway.accounts.Labels;
import org.reportplatform.schemas.DecimalStrings;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.ValueFormatter;
import tools.jackson.databind.JsonNode;

/**
 * How the studio says things in French: dates in the organisation's time zone (the account
 * pages' formats), the names of the fields a history lists, and figures as the report prints them
 * (the render service's {@link ValueFormatter}, so the studio and the report never disagree).
 */
public final class StudioLabels {

    /** The API's field names (chapters, indicators, datasets) as a person calls them. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("title", "titre"),
            Map.entry("body", "texte"),
            Map.entry("position", "position"),
            Map.entry("ownerTeam", "équipe"),
            Map.entry("language", "langue"),
            Map.entry("label", "libellé"),
            Map.entry("type", "type"),
            Map.entry("value", "valeur"),
            Map.entry("currency", "devise"),
            Map.entry("unit", "unité"),
            Map.entry("period", "période"),
            Map.entry("source", "source"),
            Map.entry("columns", "colonnes"),
            Map.entry("rows", "lignes"),
            Map.entry("texts", "textes traduits"),
            Map.entry("sourceRevision", "révision traduite"),
            Map.entry("translatorTeam", "équipe de traduction"),
            Map.entry("erratum", "erratum"),
            Map.entry("edition", "édition"));

    private final Labels dates;
    private final String zone;

    public StudioLabels(StudioProperties properties) {
        this.dates = new Labels(properties.zone());
        this.zone = properties.zone().getId();
    }

    /** The studio's time zone (its id: Europe/Zurich). */
    public String zone() {
        return zone;
    }

    /** « 4 décembre 2026 à 18:05 », in the studio's time zone. */
    public String dateTime(Instant instant) {
        return dates.dateTime(instant);
    }

    /** The same from an API's ISO-8601 text; "—" when absent or unreadable. */
    public String dateTime(String iso) {
        return dateTime(instant(iso));
    }

    public String date(Instant instant) {
        return dates.date(instant);
    }

    /** The zones a publication may be scheduled in, by the name people use (the studio's own zone first). */
    public static final Map<String, String> ZONES = zones();

    private static Map<String, String> zones() {
        Map<String, String> zones = new java.util.LinkedHashMap<>();
        zones.put("Europe/Zurich", "Genève");
        zones.put("Europe/Brussels", "Bruxelles");
        zones.put("Europe/Paris", "Paris");
        zones.put("Africa/Tunis", "Tunis");
        zones.put("Europe/London", "Londres");
        zones.put("America/New_York", "New York");
        zones.put("UTC", "Temps universel");
        return java.util.Collections.unmodifiableMap(zones);
    }

    private static final java.time.format.DateTimeFormatter DAY_AND_TIME =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH);
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    /** A zone as people name it: Europe/Zurich → « Genève » (where the organisation is); others by their city. */
    public static String zoneName(String zone) {
        if (zone == null || zone.isBlank()) {
            return "";
        }
        String known = ZONES.get(zone);
        return known != null ? known : zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    }

    /** « 26 juin 2025 à 09:00 (Genève) »: a publication time as it was chosen, in its own zone. */
    public static String scheduled(String localDateTime, String zone) {
        try {
            return DAY_AND_TIME.format(java.time.LocalDateTime.parse(localDateTime)) + " (" + zoneName(zone) + ")";
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return "—";
        }
    }

    /** « 30 mars 2025 ». */
    public static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public static String iso(Instant instant) {
        return Labels.iso(instant);
    }

    public static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** One field's French name ({@code body} -> « texte »); an unknown field keeps its own name. */
    public static String field(String name) {
        return FIELDS.getOrDefault(name, name);
    }

    /** What a revision changed: « titre, texte », « supprimé » for a deletion. */
    public static String changed(List<String> fields, boolean deleted) {
        if (deleted) {
            return "supprimé";
        }
        return fields.isEmpty() ? "—" : fields.stream().map(StudioLabels::field).collect(Collectors.joining(", "));
    }

    /** An indicator (the API's JSON) as the report prints it with its unit: « 4 445 cas », « 12,5 % ». */
    public static String indicatorValue(JsonNode indicator) {
        JsonNode value = indicator.path("value");
        String text = value.isNumber() ? value.decimalValue().toPlainString() : value.asString("");
        IndicatorType type;
        try {
            type = IndicatorType.valueOf(indicator.path("type").asString("text").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            type = IndicatorType.TEXT;
        }
        if (type != IndicatorType.TEXT && !DecimalStrings.isPlain(text)) {
            return text;
        }
        return ValueFormatter.FRENCH.valueWithUnit(type, text, optional(indicator, "currency"), optional(indicator, "unit"));
    }

    /** A whole number in French (« 1 250 »). */
    public static String count(long number) {
        return ValueFormatter.FRENCH.number(Long.toString(number));
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString(null);
    }
}
