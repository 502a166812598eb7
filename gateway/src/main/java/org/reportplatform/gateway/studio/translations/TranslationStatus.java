package org.reportplatform.gateway.studio.translations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An edition's translations at a glance ({@code GET /api/editions/{e}/translations}): each chapter
 * in report order with its state per target language, and per team how many translations are
 * up to date, to update and missing.
 */
public record TranslationStatus(String sourceLanguage, List<String> targetLanguages, List<ChapterLine> chapters, List<TeamCount> teams) {

    /** A chapter and its translations, one per target language in the edition's order. */
    public record ChapterLine(String slug, String title, String ownerTeam, int position, List<TranslationRow> languages) {
    }

    /** One team's translations. */
    public record TeamCount(String team, int translated, int stale, int missing) {
    }

    /** The same table, each cell saying whether a draft of it is open ({@code slug/language} in {@code openDrafts}). */
    TranslationStatus withDrafts(java.util.Set<String> openDrafts) {
        return new TranslationStatus(sourceLanguage, targetLanguages, chapters.stream().map(line -> new ChapterLine(line.slug(), line.title(),
                line.ownerTeam(), line.position(), line.languages().stream().map(row -> row.withDrafts(line.slug(), openDrafts)).toList()))
                .toList(), teams);
    }

    static TranslationStatus of(JsonNode json) {
        List<String> targets = new ArrayList<>();
        json.path("targetLanguages").forEach(language -> targets.add(language.asString("")));
        List<ChapterLine> chapters = new ArrayList<>();
        for (JsonNode chapter : json.path("chapters")) {
            Map<String, TranslationRow> rows = new LinkedHashMap<>();
            for (String language : targets) {
                rows.put(language, TranslationRow.of(language, chapter.path("languages").path(language)));
            }
            chapters.add(new ChapterLine(chapter.path("slug").asString(""), chapter.path("title").asString(""),
                    chapter.path("ownerTeam").asString(""), chapter.path("position").asInt(0), List.copyOf(rows.values())));
        }
        chapters.sort((a, b) -> Integer.compare(a.position(), b.position()));
        List<TeamCount> teams = new ArrayList<>();
        for (JsonNode team : json.path("teams")) {
            teams.add(new TeamCount(team.path("team").asString(""), team.path("translated").asInt(0), team.path("stale").asInt(0),
                    team.path("missing").asInt(0)));
        }
        return new TranslationStatus(json.path("sourceLanguage").asString("fr"), List.copyOf(targets), List.copyOf(chapters),
                List.copyOf(teams));
    }
}
