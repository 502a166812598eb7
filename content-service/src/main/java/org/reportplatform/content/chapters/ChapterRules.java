package org.reportplatform.content.chapters;

import java.util.Set;
import java.util.regex.Pattern;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;

/** What a valid chapter request is. Limits are in {@link ChapterProperties}. */
final class ChapterRules {

    static final Pattern EDITION = Pattern.compile("^[0-9]{4}$");
    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    static final Pattern TEAM = SLUG;
    /**
     * Names the site itself uses right under {@code /{edition}/} (render-service
     * {@code site/OutputId}: the key-figures pages {@code chiffres-cles}, {@code chiffres-cles/2}...,
     * and the finance page {@code finances}): a chapter page there would collide with them. The
     * index is {@code /{edition}/} (no slug is empty) and the PDF {@code report.pdf} (no slug has a
     * dot), so the slug pattern already keeps those apart.
     */
    static final Set<String> RESERVED_SLUGS = Set.of("chiffres-cles", "finances");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(?:-[A-Z]{2})?$");
    /** Control characters other than tab, newline and carriage return. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private ChapterRules() {
    }

    static void checkPath(String edition, String slug, int maxSlugLength) {
        FieldProblems problems = new FieldProblems();
        problems.check(EDITION.matcher(edition).matches(), "edition", "must be a year of four digits, e.g. 2024");
        if (slug != null) {
            problems.check(slug.length() <= maxSlugLength && SLUG.matcher(slug).matches(), "slug",
                    "must be lowercase letters, digits and single hyphens (e.g. quete-de-justice), at most " + maxSlugLength + " characters");
        }
        problems.throwIfAny();
    }

    /** A slug a chapter may be written at: not one of the site's own pages. */
    static void checkWritableSlug(String slug) {
        if (RESERVED_SLUGS.contains(slug)) {
            throw ApiException.badRequest("slug", "is reserved: the site serves its own page at /{edition}/" + slug
                    + "; choose another slug (reserved: " + String.join(", ", RESERVED_SLUGS.stream().sorted().toList()) + ")");
        }
    }

    static void checkRequest(ChapterRequest request, ChapterProperties limits) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title and body is required");
        }
        FieldProblems problems = new FieldProblems();
        text(problems, "title", request.title(), limits.maxTitleLength(), true);
        text(problems, "body", request.body(), limits.maxBodyLength(), false);
        if (request.position() != null) {
            problems.check(request.position() >= 1, "position", "must be 1 or more");
        }
        if (request.ownerTeam() != null) {
            problems.check(TEAM.matcher(request.ownerTeam()).matches() && request.ownerTeam().length() <= maxTeamLength(),
                    "ownerTeam", "must be a team id: lowercase letters, digits and single hyphens");
        }
        if (request.language() != null) {
            problems.check(LANGUAGE.matcher(request.language()).matches(), "language", "must be a language tag such as fr or fr-CH");
        }
        problems.throwIfAny();
    }

    static void checkMove(MoveRequest request) {
        if (request == null || request.position() == null) {
            throw ApiException.badRequest("position", "is required: the 1-based place in the report to move the chapter to");
        }
        if (request.position() < 1) {
            throw ApiException.badRequest("position", "must be 1 or more");
        }
    }

    private static void text(FieldProblems problems, String field, String value, int max, boolean singleLine) {
        if (value == null || value.isBlank()) {
            problems.add(field, "is required and must not be blank");
            return;
        }
        if (value.length() > max) {
            problems.add(field, "is " + value.length() + " characters long; the limit is " + max);
        }
        if (CONTROL.matcher(value).find() || (singleLine && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0))) {
            problems.add(field, singleLine ? "must be one line without control characters" : "must not contain control characters");
        }
    }

    private static int maxTeamLength() {
        return 80;
    }
}
