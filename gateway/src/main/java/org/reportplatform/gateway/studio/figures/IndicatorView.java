package org.reportplatform.gateway.studio.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reportplatform.schemas.DecimalStrings;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.ValueFormatter;
import tools.jackson.databind.JsonNode;

/**
 * An indicator as figures-service shows it (its GET), with its value as the exact text the
 * service stores ({@code 4445}, {@code 12.5}), never a float.
 */
public record IndicatorView(String id, String label, String type, String value, String currency, String unit, String period,
        String source, String ownerTeam, long revision, String updatedAt, String updatedByName, Map<String, Map<String, String>> texts) {

    /** The fields a person may change in the studio, in the order of the form, with their French labels. */
    public static final Map<String, String> FIELDS = fields();

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("label", "Libellé");
        fields.put("value", "Valeur");
        fields.put("unit", "Unité");
        fields.put("period", "Période");
        fields.put("source", "Source");
        fields.put("currency", "Devise");
        return java.util.Collections.unmodifiableMap(fields);
    }

    static IndicatorView of(JsonNode node) {
        return new IndicatorView(text(node, "id"), text(node, "label"), text(node, "type"), exact(node.path("value")),
                text(node, "currency"), text(node, "unit"), text(node, "period"), text(node, "source"),
                text(node, "ownerTeam"), node.path("revision").asLong(-1), text(node, "updatedAt"), text(node, "updatedByName"),
                IndicatorTexts.of(node.path("texts")));
    }

    static List<IndicatorView> listOf(JsonNode array) {
        List<IndicatorView> list = new java.util.ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> list.add(of(node)));
        }
        return list;
    }

    /** A JSON value as the exact text of the number (digit for digit) or the text itself. */
    static String exact(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asString("");
    }

    /** The value of one of {@link #FIELDS}. */
    public String field(String name) {
        return switch (name) {
            case "label" -> label;
            case "value" -> value;
            case "unit" -> unit;
            case "period" -> period;
            case "source" -> source;
            case "currency" -> currency;
            default -> "";
        };
    }

    /** The words of one field in one language; "" when not translated. */
    public String text(String language, String field) {
        Map<String, String> fields = texts.get(language);
        return fields == null ? "" : fields.getOrDefault(field, "");
    }

    public boolean isMoney() {
        return "money".equals(type);
    }

    /** The type in French, for the page. */
    public String typeLabel() {
        return typeLabel(type);
    }

    static String typeLabel(String type) {
        return switch (type == null ? "" : type) {
            case "integer" -> "nombre entier";
            case "decimal" -> "nombre décimal";
            case "percentage" -> "pourcentage";
            case "money" -> "montant";
            case "text" -> "texte";
            default -> type;
        };
    }

    /** The hint under the value field: what this type accepts, in French. */
    public String valueHint() {
        return switch (type == null ? "" : type) {
            case "integer" -> "Un nombre entier, sans espace ni virgule (par exemple 4445).";
            case "decimal" -> "Un nombre, avec un point pour les décimales et sans espace (par exemple 12.5).";
            case "percentage" -> "Un nombre entre 0 et 100, avec un point pour les décimales (par exemple 12.5 pour 12,5 %).";
            case "money" -> "Un montant, avec un point pour les décimales et sans espace (par exemple 1250000.50).";
            default -> "Un texte court (500 caractères au plus).";
        };
    }

    /** The value as the report prints it in French ({@code 4 445}, {@code 12,5 %}, {@code 6 400 000 CHF}). */
    public String printed() {
        IndicatorType known;
        try {
            known = IndicatorType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return value;
        }
        return known != IndicatorType.TEXT && !DecimalStrings.isPlain(value) ? value : ValueFormatter.FRENCH.value(known, value, currency);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString("");
    }
}
