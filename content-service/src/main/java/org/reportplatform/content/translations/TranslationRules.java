package org.reportplatform.content.translations;

import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.ReportIds;

/** What a valid translation path and request are; title and body follow the chapters' own {@link ChapterChecks}. */
final class TranslationRules {

    private TranslationRules() {
    }

    /** Edition, slug and the shape of the language: a 400 naming each that is wrong. */
    static void checkPath(String edition, String slug, String language, ChapterProperties limits) {
        FieldProblems problems = new FieldProblems();
        problems.check(ReportIds.isEdition(edition), "edition", "must be a year of four digits, e.g. 2024");
        problems.check(slug.length() <= limits.maxSlugLength() && ReportIds.isSlug(slug), "slug",
                "must be lowercase letters, digits and single hyphens (e.g. quete-de-justice), at most " + limits.maxSlugLength() + " characters");
        problems.check(ReportIds.isReportLanguage(language), "language",
                "must be one of the languages the report can be published in: " + String.join(", ", ReportIds.LANGUAGES));
        problems.throwIfAny();
    }

    /** The book's id of a translation ({@code slug/language}), as the history endpoints name it, checked. */
    static void checkId(String edition, String id, ChapterProperties limits) {
        int slash = id.indexOf('/');
        checkPath(edition, id.substring(0, Math.max(slash, 0)), id.substring(slash + 1), limits);
    }

    /** 400 on {@code language} unless it is one of the edition's target languages (an unknown edition has none). */
    static void checkTarget(String edition, String language, Optional<Edition> known) {
        List<String> targets = known.map(Edition::targetLanguages).orElse(List.of());
        if (!targets.contains(language)) {
            throw ApiException.badRequest("language", targets.isEmpty()
                    ? "edition " + edition + " has no target language: add one to the edition first"
                    : "must be one of edition " + edition + "'s target languages: " + String.join(", ", targets));
        }
    }

    static void checkRequest(TranslationRequest request, ChapterProperties limits) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title and body is required");
        }
        FieldProblems problems = new FieldProblems();
        if (!request.isAssignmentOnly()) {
            ChapterChecks.checkText(problems, request.title(), request.body(), limits);
        }
        if (request.translatorTeam() != null) {
            problems.check(ReportIds.isTeam(request.translatorTeam()), "translatorTeam",
                    "must be a team id: lowercase letters, digits and single hyphens");
        }
        if (request.sourceRevision() != null) {
            problems.check(request.sourceRevision() >= 1, "sourceRevision", "must be a revision of the source chapter: 1 or more");
        }
        problems.throwIfAny();
    }

    /** 400 on {@code sourceRevision} past the chapter's current revision. */
    static void checkSourceRevision(long sourceRevision, String slug, long chapterRevision) {
        if (sourceRevision > chapterRevision) {
            throw ApiException.badRequest("sourceRevision", "chapter " + slug + " has revisions 1 to " + chapterRevision
                    + ": a translation translates one of them (default: the current one)");
        }
    }
}
