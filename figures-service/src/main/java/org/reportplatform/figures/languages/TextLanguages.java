package org.reportplatform.figures.languages;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.ReportIds;

/**
 * The texts of a figure in other languages ({@code texts: {"en": {...}}}): keyed by a language the
 * report can be published in ({@link ReportIds#LANGUAGES}), each checked by its family, and each problem named by its path
 * ({@code texts.en.label}).
 */
public final class TextLanguages {

    private TextLanguages() {
    }

    /**
     * The texts a request gives, checked, as the event stores them; {@code check} adds the
     * problems of one language's texts under the prefix it is given ({@code texts.en.}).
     */
    public static <R, S> Map<String, S> check(FieldProblems problems, Map<String, R> texts, BiConsumer<String, R> check,
            Function<R, S> stored) {
        Map<String, S> checked = new TreeMap<>();
        texts.forEach((language, text) -> {
            String field = "texts." + language;
            if (!ReportIds.isReportLanguage(language)) {
                problems.add(field, "must be keyed by one of the languages the report can be published in: "
                        + String.join(", ", ReportIds.LANGUAGES));
            } else if (text == null) {
                problems.add(field, "must be an object with the texts in that language");
            } else {
                check.accept(field + ".", text);
                checked.put(language, stored.apply(text));
            }
        });
        return checked;
    }
}
