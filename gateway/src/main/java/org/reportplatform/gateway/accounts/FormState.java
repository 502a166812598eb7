package org.reportplatform.gateway.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A form as the person filled it in, and what is wrong with it, in French: each field's message
 * (shown under its label, tied to the field with {@code aria-describedby}) and a message for the
 * form as a whole. Immutable; passwords are never kept (see {@link #without}).
 */
public final class FormState {

    /** The form's whole-form message has this key among the errors. */
    static final String GENERAL = "";

    private final Map<String, List<String>> values;
    private final Map<String, String> errors;

    private FormState(Map<String, List<String>> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
    }

    public static FormState empty() {
        return new FormState(Map.of(), Map.of());
    }

    public static FormState of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return new FormState(Map.copyOf(copy), Map.of());
    }

    public static FormState of(MultiValueMap<String, String> form) {
        return of((Map<String, List<String>>) form);
    }

    public FormState with(String name, List<String> value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.put(name, List.copyOf(value));
        return new FormState(Map.copyOf(copy), errors);
    }

    /** The same form without these fields' values (a password is never sent back to the browser). */
    public FormState without(String... names) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        for (String name : names) {
            copy.remove(name);
        }
        return new FormState(Map.copyOf(copy), errors);
    }

    public FormState withError(String field, String message) {
        Map<String, String> copy = new LinkedHashMap<>(errors);
        copy.putIfAbsent(field, message);
        return new FormState(values, copy);
    }

    public FormState withGeneralError(String message) {
        return withError(GENERAL, message);
    }

    /** The names of the form's fields. */
    public java.util.Set<String> names() {
        return values.keySet();
    }

    /** The first value of a field, trimmed; "" when absent. */
    public String value(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.get(0) == null ? "" : list.get(0).strip();
    }

    /** Every non-blank value of a field (checkboxes). */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    public boolean checked(String name, String value) {
        return values(name).contains(value);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String generalError() {
        return errors.get(GENERAL);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The field errors, in the order found, for the summary at the top of the form. */
    public List<Map.Entry<String, String>> fieldErrors() {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        errors.forEach((field, message) -> {
            if (!field.equals(GENERAL)) {
                list.add(Map.entry(field, message));
            }
        });
        return list;
    }

    /** {@code aria-invalid}: "true" when the field has an error, null (no attribute) otherwise. */
    public String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    /** {@code aria-describedby}: the field's hint and error ids that exist; null when none. */
    public String describedBy(String field, String hintId) {
        String error = errors.containsKey(field) ? field + "-error" : null;
        if (hintId == null) {
            return error;
        }
        return error == null ? hintId : hintId + " " + error;
    }
}
