package org.reportplatform.content.chapters;

import java.util.regex.Pattern;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.ReportIds;

/** What a valid chapter request is. Limits are in {@link ChapterProperties}. */
final class ChapterRules {

    /** Control characters other than tab, newline and carriage return. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private ChapterRules() {
    }

    static void checkPath(String edition, String slug, int maxSlugLength) {
        FieldProblems problems = new FieldProblems();
        problems.check(ReportIds.isEdition(edition), "edition", "must be a year of four digits, e.g. 2024");
        if (slug != null) {
            problems.check(slug.length() <= maxSlugLength && ReportIds.isSlug(slug), "slug",
                    "must be lowercase letters, digits and single hyphens (e.g. quete-de-justice), at most " + maxSlugLength + " characters");
        }
        problems.throwIfAny();
    }

    /** A slug a chapter may be written at: not one of the site's own pages. */
    static void checkWritableSlug(String slug) {
        if (ReportIds.isReservedSlug(slug)) {
            throw ApiException.badRequest("slug", "is reserved: the site serves its own page at /{edition}/" + slug
                    + "; choose another slug (reserved: " + String.join(", ", ReportIds.RESERVED_SLUGS) + ")");
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
            problems.check(ReportIds.isTeam(request.ownerTeam()),
                    "ownerTeam", "must be a team id: lowercase letters, digits and single hyphens");
        }
        if (request.language() != null) {
            problems.check(ReportIds.isLanguage(request.language()), "language", "must be a language tag such as fr or fr-CH");
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
}
