package org.reportplatform.gateway.studio.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.studio.editions.Languages;
import tools.jackson.databind.JsonNode;

/**
 * A key figure's words per target language (« Libellé (anglais) », « Unité (anglais) », « Source
 * (anglais) »): the API's {@code texts: {"en": {label, unit, source}}}, the form's fields
 * {@code texts.en.label}… (ids {@code texts-en-label}), and the PUT's {@code texts} built from both.
 * The value is one for every language; only its words are translated.
 */
public final class IndicatorTexts {

    /** The translated fields, in the form's order. */
    public static final List<String> FIELDS = List.of("label", "unit", "source");

    private static final Pattern FORM_FIELD = Pattern.compile("texts\\.([a-z]{2,3}(?:-[A-Z]{2})?)\\.(label|unit|source)");

    private IndicatorTexts() {
    }

    /** {@code texts} from the API's JSON: language → field → text. */
    static Map<String, Map<String, String>> of(JsonNode texts) {
        Map<String, Map<String, String>> read = new LinkedHashMap<>();
        texts.properties().forEach(language -> {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : FIELDS) {
                JsonNode value = language.getValue().path(field);
                if (value.isString()) {
                    fields.put(field, value.asString());
                }
            }
            read.put(language.getKey(), Map.copyOf(fields));
        });
        return Map.copyOf(read);
    }

    /** The form's name of a field: {@code texts.en.label}. */
    public static String name(String language, String field) {
        return "texts." + language + "." + field;
    }

    /** The field's id, also the key of its message in the form: {@code texts-en-label}. */
    public static String id(String language, String field) {
        return "texts-" + language + "-" + field;
    }

    /** « Libellé (anglais) ». */
    public static String label(String language, String field) {
        return IndicatorView.FIELDS.get(field) + " (" + Languages.name(language) + ")";
    }

    /** The form's values for the saved texts. */
    static void putInForm(Map<String, List<String>> values, Map<String, Map<String, String>> texts) {
        texts.forEach((language, fields) -> fields.forEach((field, text) -> values.put(name(language, field), List.of(text))));
    }

    /**
     * The PUT's {@code texts}: the saved ones (a language the form does not show is kept as it is),
     * each language the form shows replaced by its fields; a language whose fields are all empty is
     * left out (its page falls back to the source words).
     */
    static Map<String, Map<String, String>> forPut(Map<String, Map<String, String>> saved, FormState form, List<String> shown) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>(saved);
        for (String language : shown) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : FIELDS) {
                String text = form.value(name(language, field)).strip();
                if (!text.isEmpty()) {
                    fields.put(field, text);
                }
            }
            if (fields.isEmpty()) {
                texts.remove(language);
            } else {
                texts.put(language, fields);
            }
        }
        return texts;
    }

    /** The languages the form shows: those named by its fields. */
    static List<String> shownIn(FormState form, Iterable<String> names) {
        java.util.Set<String> languages = new java.util.LinkedHashSet<>();
        for (String name : names) {
            Matcher field = FORM_FIELD.matcher(name);
            if (field.matches()) {
                languages.add(field.group(1));
            }
        }
        return List.copyOf(languages);
    }

    /** The message key of an API error on {@code texts.en.label}; null for another field. */
    static String errorKey(String apiField) {
        Matcher field = FORM_FIELD.matcher(apiField);
        return field.matches() ? id(field.group(1), field.group(2)) : null;
    }

    /** « Libellé (anglais) : must not be blank » for an error on {@code texts.en.label}. */
    static String errorMessage(String apiField, String problem) {
        Matcher field = FORM_FIELD.matcher(apiField);
        return field.matches() ? label(field.group(1), field.group(2)) + " : " + problem : problem;
    }
}
