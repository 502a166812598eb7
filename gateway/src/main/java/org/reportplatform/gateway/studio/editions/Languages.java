package org.reportplatform.gateway.studio.editions;

import java.util.Map;

/**
 * The report's languages as the studio says them in French: « anglais », « Traduire en anglais »,
 * « Libellé (anglais) ». The codes are the report's fixed list; an unknown code is shown as it is.
 */
public final class Languages {

    private static final Map<String, String> NAMES = Map.of("fr", "français", "en", "anglais", "es", "espagnol", "de", "allemand",
            "ar", "arabe", "pt", "portugais", "it", "italien", "ru", "russe", "zh", "chinois");

    private Languages() {
    }

    /** « anglais » for {@code en}. */
    public static String name(String code) {
        return code == null ? "" : NAMES.getOrDefault(code, code);
    }

    /** « Anglais » for {@code en}: at the start of a sentence or a column. */
    public static String capitalized(String code) {
        String name = name(code);
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** « anglais et espagnol », « anglais, espagnol et allemand ». */
    public static String list(java.util.List<String> codes) {
        java.util.List<String> names = codes.stream().map(Languages::name).toList();
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " et " + names.get(names.size() - 1);
    }

    /** « en anglais » (every language of the list takes « en » in French). */
    public static String into(String code) {
        return "en " + name(code);
    }
}
