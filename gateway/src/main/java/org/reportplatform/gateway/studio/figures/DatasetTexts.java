package org.reportplatform.gateway.studio.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.studio.editions.Languages;
import tools.jackson.databind.JsonNode;

/**
 * A dataset's words per target language: its title, its columns' labels, its unit and source (the
 * API's {@code texts: {"en": {title, columnLabels, unit, source}}}); the cells are one for every
 * language. The form's fields are {@code texts.en.title}, {@code texts.en.column.1}… (ids
 * {@code texts-en-title}, {@code texts-en-column-1}).
 */
public final class DatasetTexts {

    /** One language's words; unit and source may be null. */
    public record Words(String title, List<String> columnLabels, String unit, String source) {
        public Words {
            columnLabels = List.copyOf(columnLabels);
        }
    }

    private static final Pattern API_FIELD = Pattern.compile("texts\\.([a-z]{2,3})\\.(title|unit|source|columnLabels)(?:\\[(\\d+)])?");

    private DatasetTexts() {
    }

    static Map<String, Words> of(JsonNode texts) {
        Map<String, Words> read = new LinkedHashMap<>();
        texts.properties().forEach(language -> {
            JsonNode words = language.getValue();
            List<String> labels = new ArrayList<>();
            words.path("columnLabels").forEach(label -> labels.add(label.asString("")));
            read.put(language.getKey(), new Words(words.path("title").asString(""), labels, text(words, "unit"), text(words, "source")));
        });
        return Map.copyOf(read);
    }

    /** The form's name of a field: {@code texts.en.title}, {@code texts.en.column.1}. */
    public static String name(String language, String field) {
        return "texts." + language + "." + field;
    }

    /** The field's id, also the key of its message: {@code texts-en-title}, {@code texts-en-column-1}. */
    public static String id(String language, String field) {
        return "texts-" + language + "-" + field.replace('.', '-');
    }

    /** The form's field for column {@code index}. */
    public static String column(int index) {
        return "column." + index;
    }

    /** The form filled with the saved words of {@code languages}. */
    static FormState form(DatasetView dataset, List<String> languages) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("revision", List.of(Long.toString(dataset.revision())));
        for (String language : languages) {
            Words words = dataset.texts().get(language);
            if (words == null) {
                continue;
            }
            values.put(name(language, "title"), List.of(words.title()));
            values.put(name(language, "unit"), List.of(words.unit() == null ? "" : words.unit()));
            values.put(name(language, "source"), List.of(words.source() == null ? "" : words.source()));
            for (int c = 0; c < words.columnLabels().size(); c++) {
                values.put(name(language, column(c)), List.of(words.columnLabels().get(c)));
            }
        }
        return FormState.of(values);
    }

    /**
     * The PUT's {@code texts}: the saved ones (languages the form does not show are kept), each
     * language of the form replaced by its fields; a language left entirely empty is removed (its
     * pages show the source words).
     */
    static Map<String, Object> forPut(DatasetView dataset, FormState form, List<String> languages) {
        Map<String, Object> texts = new LinkedHashMap<>();
        dataset.texts().forEach((language, words) -> texts.put(language, json(words)));
        for (String language : languages) {
            String title = form.value(name(language, "title")).strip();
            String unit = form.value(name(language, "unit")).strip();
            String source = form.value(name(language, "source")).strip();
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < dataset.columns().size(); c++) {
                labels.add(form.value(name(language, column(c))).strip());
            }
            if (title.isEmpty() && unit.isEmpty() && source.isEmpty() && labels.stream().allMatch(String::isEmpty)) {
                texts.remove(language);
            } else {
                texts.put(language, json(new Words(title, labels, unit.isEmpty() ? null : unit, source.isEmpty() ? null : source)));
            }
        }
        return texts;
    }

    /** The form's key for an API error on {@code texts.en.columnLabels[1]} etc.; null for another field. */
    static String errorKey(String apiField) {
        Matcher field = API_FIELD.matcher(apiField);
        if (!field.matches()) {
            return null;
        }
        String which = field.group(2).equals("columnLabels") ? (field.group(3) == null ? "title" : column(Integer.parseInt(field.group(3))))
                : field.group(2);
        return id(field.group(1), which);
    }

    /** « Titre (anglais) », « Colonne « Montant » (anglais) ». */
    public static String label(String language, String field, DatasetView dataset) {
        String what = switch (field) {
            case "title" -> "Titre";
            case "unit" -> "Unité";
            case "source" -> "Source";
            default -> {
                int index = Integer.parseInt(field.substring("column.".length()));
                yield "Colonne « " + dataset.columns().get(index).name() + " »";
            }
        };
        return what + " (" + Languages.name(language) + ")";
    }

    private static Map<String, Object> json(Words words) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", words.title());
        json.put("columnLabels", words.columnLabels());
        json.put("unit", words.unit());
        json.put("source", words.source());
        return json;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString("");
    }
}
