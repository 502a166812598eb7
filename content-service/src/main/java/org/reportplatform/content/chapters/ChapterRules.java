package org.reportplatform.content.chapters;

import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.ReportIds;

/**
 * What a valid chapter request is. Path, title and body follow the platform's
 * {@link ChapterChecks} (render-service's previews take the same); limits are in {@link ChapterProperties}.
 */
final class ChapterRules {

    /** The longest note of an erratum: a sentence or two, shown under the chapter's title. */
    static final int MAX_ERRATUM_LENGTH = 500;

    private ChapterRules() {
    }

    static void checkRequest(ChapterRequest request, ChapterProperties limits) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title and body is required");
        }
        FieldProblems problems = new FieldProblems();
        ChapterChecks.checkText(problems, request.title(), request.body(), limits);
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
        if (request.erratum() != null) {
            problems.check(!request.erratum().isBlank(), "erratum", "must say what was corrected; it is shown on the public page");
            problems.check(request.erratum().length() <= MAX_ERRATUM_LENGTH, "erratum",
                    "must be at most " + MAX_ERRATUM_LENGTH + " characters");
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
}
