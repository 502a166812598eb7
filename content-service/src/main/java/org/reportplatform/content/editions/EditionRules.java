package org.reportplatform.content.editions;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.schemas.ReportIds;

/** What valid edition requests are: a year, languages the report knows, titles that say something. */
final class EditionRules {

    /** The longest title of an edition. */
    static final int MAX_TITLE_LENGTH = 200;

    private EditionRules() {
    }

    static void checkYear(String edition) {
        if (!ReportIds.isEdition(edition)) {
            throw ApiException.badRequest("edition", "must be a year of four digits, such as 2025");
        }
    }

    static void checkNew(NewEditionRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object is required: {\"from\": \"2024\"} to copy an edition, or "
                    + "{\"title\", \"sourceLanguage\", \"targetLanguages\"} for an empty one");
        }
        FieldProblems problems = new FieldProblems();
        if (request.from() != null) {
            problems.check(ReportIds.isEdition(request.from()), "from", "must be the year of an existing edition, such as 2024");
            problems.check(request.sourceLanguage() == null, "sourceLanguage", "comes from the edition copied (from): leave it out");
            problems.check(request.targetLanguages() == null, "targetLanguages",
                    "come from the edition copied (from): leave them out, change them afterwards with PUT");
            if (request.title() != null) {
                checkTitle(problems, "title", request.title());
            }
        } else {
            checkTitle(problems, "title", request.title());
            checkLanguages(problems, request.sourceLanguage(), request.targetLanguages() == null ? List.of() : request.targetLanguages());
        }
        problems.throwIfAny();
    }

    static void checkChange(EditionRequest request, String sourceLanguage) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title, titles, targetLanguages and staleNotice is required");
        }
        FieldProblems problems = new FieldProblems();
        checkTitle(problems, "title", request.title());
        problems.check(request.staleNotice() != null, "staleNotice", "is required: true or false");
        if (request.targetLanguages() == null) {
            problems.add("targetLanguages", "is required: the languages the edition is translated into, possibly none ([])");
        } else {
            checkLanguages(problems, sourceLanguage, request.targetLanguages());
        }
        if (request.titles() == null) {
            problems.add("titles", "is required: the title in each target language, possibly none ({})");
        } else {
            for (Map.Entry<String, String> title : request.titles().entrySet()) {
                String field = "titles." + title.getKey();
                if (request.targetLanguages() != null && !request.targetLanguages().contains(title.getKey())) {
                    problems.add(field, "is not a target language of the edition: " + request.targetLanguages());
                } else {
                    checkTitle(problems, field, title.getValue());
                }
            }
        }
        problems.throwIfAny();
    }

    private static void checkTitle(FieldProblems problems, String field, String title) {
        if (title == null || title.isBlank()) {
            problems.add(field, "is required and must not be blank");
        } else {
            problems.check(title.length() <= MAX_TITLE_LENGTH, field, "must be at most " + MAX_TITLE_LENGTH + " characters");
        }
    }

    private static void checkLanguages(FieldProblems problems, String source, List<String> targets) {
        if (source == null) {
            problems.add("sourceLanguage", "is required: the language the chapters are written in, such as fr");
        } else {
            problems.check(knownLanguage(source), "sourceLanguage",
                    "must be one of the languages the report is published in: " + ReportIds.LANGUAGES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            String field = "targetLanguages[" + i + "]";
            if (!knownLanguage(target)) {
                problems.add(field, "must be one of the languages the report is published in: " + ReportIds.LANGUAGES);
            } else if (target.equals(source)) {
                problems.add(field, "is the source language: an edition is not translated into the language it is written in");
            } else if (!seen.add(target)) {
                problems.add(field, "is listed twice");
            }
        }
    }

    /** One of the languages the site can be published in ({@link ReportIds#LANGUAGES}: their pages live under /{edition}/{language}/). */
    private static boolean knownLanguage(String language) {
        return ReportIds.isReportLanguage(language);
    }
}
