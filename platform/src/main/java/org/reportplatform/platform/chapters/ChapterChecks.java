package org.reportplatform.platform.chapters;

import java.util.regex.Pattern;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.ReportIds;

/**
 * What a valid chapter path, title and body are, wherever a chapter is taken: content-service's
 * writes and render-service's previews answer the same 400 for the same input.
 */
public final class ChapterChecks {

    /** Control characters other than tab, newline and carriage return. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private ChapterChecks() {
    }

    /** The edition, and the slug unless null: a 400 naming each that is wrong. */
    public static void checkPath(String edition, String slug, int maxSlugLength) {
        FieldProblems problems = new FieldProblems();
        problems.check(ReportIds.isEdition(edition), "edition", "must be a year of four digits, e.g. 2024");
        if (slug != null) {
            problems.check(slug.length() <= maxSlugLength && ReportIds.isSlug(slug), "slug",
                    "must be lowercase letters, digits and single hyphens (e.g. quete-de-justice), at most " + maxSlugLength + " characters");
        }
        problems.throwIfAny();
    }

    /** A slug a chapter may be written at: not one of the site's own pages. */
    public static void checkWritableSlug(String slug) {
        if (ReportIds.isReservedSlug(slug)) {
            throw ApiException.badRequest("slug", "is reserved: the site serves its own page at /{edition}/" + slug
                    + "; choose another slug (reserved: " + String.join(", ", ReportIds.RESERVED_SLUGS)
                    + " and the language codes " + String.join(", ", ReportIds.LANGUAGES) + ")");
        }
    }

    /** Adds a problem for a missing, too long or ill-formed title (one line) or body. */
    public static void checkText(FieldProblems problems, String title, String body, ChapterProperties limits) {
        text(problems, "title", title, limits.maxTitleLength(), true);
        text(problems, "body", body, limits.maxBodyLength(), false);
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
