package org.reportplatform.render.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An edition as the site publishes it: its title (source language) and titles per target
 * language, the language its chapters are written in, the languages it is translated into (in
 * the order the site lists them), whether it is public, whether a stale translation says so.
 */
public record Edition(String edition, String title, Map<String, String> titles, String sourceLanguage, List<String> targetLanguages,
        Status status, boolean staleNotice) {

    public enum Status {
        PREPARING, PUBLISHED, CLOSED
    }

    public Edition {
        titles = java.util.Collections.unmodifiableMap(new TreeMap<>(titles));
        targetLanguages = List.copyOf(targetLanguages);
    }

    /**
     * An edition that has chapters but no edition event (data older than editions): published, in
     * its chapters' language, translated into nothing.
     */
    public static Edition implicit(String edition, String language) {
        return new Edition(edition, null, Map.of(), language, List.of(), Status.PUBLISHED, true);
    }

    /** PUBLISHED and CLOSED editions are public; a PREPARING one has no public page. */
    public boolean isPublic() {
        return status != Status.PREPARING;
    }

    /** The source language first, then the targets. */
    public List<String> languages() {
        List<String> all = new ArrayList<>(targetLanguages.size() + 1);
        all.add(sourceLanguage);
        targetLanguages.stream().filter(l -> !l.equals(sourceLanguage)).forEach(all::add);
        return all;
    }

    public boolean isTarget(String language) {
        return language != null && !language.equals(sourceLanguage) && targetLanguages.contains(language);
    }

    /** Its title in {@code language}, null when it has none there (the pages then write « Annual report 2024 »). */
    public String titleIn(String language) {
        return language == null || language.equals(sourceLanguage) ? title : titles.get(language);
    }
}
