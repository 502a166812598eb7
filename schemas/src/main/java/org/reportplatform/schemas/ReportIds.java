package org.reportplatform.schemas;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the ids carried by the source events are: the writers accept nothing else, and the render
 * service dead-letters an event whose slug, indicator or dataset id, or language breaks them (it
 * checks an edition only as a path segment). They become URL path segments
 * ({@code /{edition}/{slug}}) and record keys ({@code {edition}/{id}}), so none holds a slash.
 */
public final class ReportIds {

    /** The longest indicator or dataset id. */
    public static final int MAX_SOURCE_ID_LENGTH = 80;
    /** The longest team id. */
    public static final int MAX_TEAM_LENGTH = 80;
    /**
     * The longest slug the render service takes; a writer may be configured to accept less
     * (content-service's {@code report.chapters.max-slug-length}).
     */
    public static final int MAX_SLUG_LENGTH = 100;

    /**
     * Names the site itself uses right under {@code /{edition}/} (render-service
     * {@code site/OutputId}: the key-figures pages {@code chiffres-cles}, {@code chiffres-cles/2}...,
     * the finance page {@code finances}, and the gateway's search page {@code recherche}): a chapter
     * page there would collide with them. The
     * index is {@code /{edition}/} (no slug is empty) and the PDF {@code report.pdf} (no slug has a
     * dot), so the slug's shape already keeps those apart. Sorted.
     */
    public static final List<String> RESERVED_SLUGS = List.of("chiffres-cles", "finances", "recherche");

    /**
     * The languages a report can be written or translated in (BCP 47 primary codes). A target
     * language's pages live under {@code /{edition}/{language}/}, so each is also a reserved slug.
     */
    public static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "ar", "pt", "it", "ru", "zh");

    private static final Pattern EDITION = Pattern.compile("[0-9]{4}");
    private static final Pattern WORDS_AND_HYPHENS = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern WORDS_AND_DOTS_OR_HYPHENS = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Z]{2})?");

    private ReportIds() {
    }

    /** An edition is a year of four digits: {@code 2024}. */
    public static boolean isEdition(String edition) {
        return edition != null && EDITION.matcher(edition).matches();
    }

    /**
     * A chapter's slug: lowercase letters and digits in words joined by single hyphens
     * ({@code quete-de-justice}), at most {@link #MAX_SLUG_LENGTH} characters. A reserved slug has
     * this shape too: see {@link #isReservedSlug}.
     */
    public static boolean isSlug(String slug) {
        return slug != null && slug.length() <= MAX_SLUG_LENGTH && WORDS_AND_HYPHENS.matcher(slug).matches();
    }

    /**
     * Whether {@code slug} names one of the site's own pages ({@link #RESERVED_SLUGS}) or a
     * language's pages ({@link #LANGUAGES}) rather than a chapter.
     */
    public static boolean isReservedSlug(String slug) {
        return slug != null && (RESERVED_SLUGS.contains(slug) || LANGUAGES.contains(slug));
    }

    /** Whether {@code language} is one of the {@link #LANGUAGES} the report can be published in. */
    public static boolean isReportLanguage(String language) {
        return language != null && LANGUAGES.contains(language);
    }

    /** A team id: lowercase letters and digits joined by single hyphens ({@code sos-defenders}), at most 80 characters. */
    public static boolean isTeam(String team) {
        return team != null && team.length() <= MAX_TEAM_LENGTH && WORDS_AND_HYPHENS.matcher(team).matches();
    }

    /**
     * An indicator's or a dataset's id: lowercase letters and digits joined by single dots or
     * hyphens ({@code sos-defenders.cases}), at most {@link #MAX_SOURCE_ID_LENGTH} characters.
     */
    public static boolean isSourceId(String id) {
        return id != null && id.length() <= MAX_SOURCE_ID_LENGTH && WORDS_AND_DOTS_OR_HYPHENS.matcher(id).matches();
    }

    /** A chapter's language: a lowercase language code, with an uppercase region or without ({@code fr}, {@code fr-CH}). */
    public static boolean isLanguage(String language) {
        return language != null && LANGUAGE.matcher(language).matches();
    }
}
