package org.reportplatform.render.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.reportplatform.render.sources.Edition;
import org.reportplatform.schemas.ValueFormatter;

/**
 * One language version of an edition, what a page or PDF is written in: the source language
 * ({@code target} null: the pages at {@code /{edition}/…}) or a target language
 * ({@code /{edition}/{target}/…}). Gives the words around the content, the number formats, the
 * report's title in that language and the links to the same page in the edition's other languages.
 */
record LanguageVersion(Edition edition, String target) {

    /** The BCP 47 language the page is written in. */
    String lang() {
        return target == null ? edition.sourceLanguage() : target;
    }

    boolean isSource() {
        return target == null;
    }

    Labels labels() {
        return Labels.forLanguage(lang());
    }

    ValueFormatter formatter() {
        return ValueFormatter.forLanguage(lang());
    }

    /** The edition's title in this language, else « Rapport annuel 2024 » in its words. */
    String reportTitle() {
        String title = edition.titleIn(target);
        return title == null || title.isBlank() ? labels().reportTitle(edition.edition()) : title;
    }

    /**
     * The same page in every language of the edition (source first), from a path maker taking
     * the output language (null: source): the alternates ({@code hreflang}) and the switcher.
     */
    Views.Languages languages(Function<String, String> pathIn) {
        List<Views.LanguageLink> links = new ArrayList<>();
        links.add(new Views.LanguageLink(edition.sourceLanguage(), Labels.ownName(edition.sourceLanguage()), pathIn.apply(null), isSource()));
        for (String language : edition.targetLanguages()) {
            links.add(new Views.LanguageLink(language, Labels.ownName(language), pathIn.apply(language), language.equals(target)));
        }
        return new Views.Languages(links, pathIn.apply(null));
    }
}
