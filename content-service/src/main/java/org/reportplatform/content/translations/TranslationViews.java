package org.reportplatform.content.translations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.revisions.Written;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Translations as the API shows them: each against its source chapter as it is now (translated or
 * stale), one chapter's languages, and an edition's whole status table with counts per team.
 */
@Component
public class TranslationViews {

    private final TranslationBook book;
    private final ChapterBook chapters;
    private final EditionGuard editions;

    TranslationViews(TranslationBook book, ChapterBook chapters, EditionGuard editions) {
        this.book = book;
        this.chapters = chapters;
        this.editions = editions;
    }

    /**
     * Where one language of a chapter stands; {@code language} only in a chapter's list, the
     * table's cells are keyed by it. Revision, source revision and translator team are written as
     * null when there are none, so every row has the same fields.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LanguageStatus(@JsonInclude(JsonInclude.Include.NON_NULL) String language, String status, Long revision,
            Long sourceRevision, String translatorTeam) {
    }

    /** One row of the status table: a chapter and its target languages. */
    public record ChapterRow(String slug, String title, String ownerTeam, int position, Map<String, LanguageStatus> languages) {
    }

    /** How many of a team's translations are translated, stale, missing. */
    public record TeamCounts(String team, int translated, int stale, int missing) {
    }

    /** The edition's translation status: every chapter in report order × every target language. */
    public record EditionStatus(String edition, String sourceLanguage, List<String> targetLanguages, List<ChapterRow> chapters,
            List<TeamCounts> teams) {
    }

    /** The translation against its source chapter now; 404 if the chapter or the translation does not exist. */
    public Translation view(TranslationText text) {
        Chapter source = chapters.requireCurrent(text.edition(), text.slug());
        return Translation.of(text, source, textRevision(source));
    }

    /** What a write answers: 201 or 200, the ETag and the Location of the translation. */
    ResponseEntity<Translation> answer(Written<TranslationText> written) {
        Translation translation = view(written.resource());
        return ResponseEntity.status(written.status()).eTag(translation.etag())
                .header(HttpHeaders.LOCATION, "/api/editions/" + translation.edition() + "/chapters/" + translation.slug()
                        + "/translations/" + translation.language())
                .body(translation);
    }

    /** One row per target language of the edition, in the edition's order. */
    List<LanguageStatus> ofChapter(String edition, String slug) {
        Chapter source = chapters.requireCurrent(edition, slug);
        long textRevision = textRevision(source);
        return edition(edition).targetLanguages().stream()
                .map(language -> {
                    Optional<TranslationText> text = book.current(edition, slug, language);
                    return row(language, statusOf(text, textRevision), text);
                })
                .toList();
    }

    /**
     * The status table. Each cell is counted for the team in charge of it: the translator team when
     * an admin named one, else the chapter's team.
     */
    EditionStatus ofEdition(String edition) {
        Edition known = edition(edition);
        List<String> targets = known.targetLanguages();
        List<ChapterRow> rows = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (Chapter chapter : chapters.chapters(edition)) {
            long textRevision = textRevision(chapter);
            Map<String, LanguageStatus> languages = new LinkedHashMap<>();
            for (String language : targets) {
                Optional<TranslationText> text = book.current(edition, chapter.slug(), language);
                TranslationStatus status = statusOf(text, textRevision);
                LanguageStatus cell = row(null, status, text);
                languages.put(language, cell);
                String team = cell.translatorTeam() == null ? chapter.ownerTeam() : cell.translatorTeam();
                counts.computeIfAbsent(team, t -> new int[TranslationStatus.values().length])[status.ordinal()]++;
            }
            rows.add(new ChapterRow(chapter.slug(), chapter.title(), chapter.ownerTeam(), chapter.position(), languages));
        }
        List<TeamCounts> teams = counts.entrySet().stream()
                .map(e -> new TeamCounts(e.getKey(), e.getValue()[TranslationStatus.TRANSLATED.ordinal()],
                        e.getValue()[TranslationStatus.STALE.ordinal()], e.getValue()[TranslationStatus.MISSING.ordinal()]))
                .toList();
        return new EditionStatus(edition, known.sourceLanguage(), targets, rows, teams);
    }

    /** The edition as the editions know it; 404 if it has neither an event of its own nor a chapter. */
    private Edition edition(String edition) {
        return editions.edition(edition).orElseThrow(() -> editions.notFound(edition));
    }

    private static TranslationStatus statusOf(Optional<TranslationText> text, long textRevision) {
        return text.map(t -> TranslationStatus.of(t, textRevision)).orElse(TranslationStatus.MISSING);
    }

    private static LanguageStatus row(String language, TranslationStatus status, Optional<TranslationText> text) {
        return text.map(t -> new LanguageStatus(language, status.json(), t.revision(), t.hasText() ? t.sourceRevision() : null,
                        t.translatorTeam()))
                .orElseGet(() -> new LanguageStatus(language, status.json(), null, null, null));
    }

    private long textRevision(Chapter chapter) {
        return chapters.textRevision(chapter.edition(), chapter.slug()).orElse(chapter.revision());
    }
}
