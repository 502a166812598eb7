package org.reportplatform.content.demo;

import java.util.List;
import java.util.Set;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.content.editions.EditionWrites;
import org.reportplatform.content.references.KnownReferences;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.translations.TranslationBook;
import org.reportplatform.content.translations.TranslationRequest;
import org.reportplatform.content.translations.TranslationWrites;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.chapters.ChapterRequest;
import org.reportplatform.content.chapters.ChapterWrites;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.revisions.Preconditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo report's editions and chapters through the same writes as the API, once the log
 * has been replayed and before the service reports ready: each demo edition is started, its
 * chapters loaded, then it is published (and closed, for 2023: see {@link DemoEditions}). An
 * edition that already has chapters is left alone, so a repeated flag never loads the demo twice.
 */
@Component
@ConditionalOnBooleanProperty("report.demo.load")
class DemoReportLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReportLoader.class);
    private static final Caller LOADER = new Caller("system:demo-loader", "Chargement de la démo", Set.of(Role.ADMIN), Set.of(), null);
    private static final Preconditions CREATE = new Preconditions(null, "*");

    /** The demo's one French correction after translation: its English translation is then stale. */
    private static final String CORRECTED = "violences-policieres";
    private static final String BEFORE = "Coups lors d’une arrestation";
    private static final String AFTER = "Coups portés lors d’une arrestation";

    private final ChapterBook book;
    private final ChapterWrites writes;
    private final DemoEditions demoEditions;
    private final EditionGuard editions;
    private final TranslationBook translations;
    private final TranslationWrites translationWrites;

    DemoReportLoader(ChapterBook book, ChapterWrites writes, EditionGuard editions, EditionWrites editionWrites,
            KnownReferences figures, TranslationBook translations, TranslationWrites translationWrites) {
        this.book = book;
        this.writes = writes;
        this.demoEditions = new DemoEditions(editions, editionWrites, book, figures, LOADER);
        this.editions = editions;
        this.translations = translations;
        this.translationWrites = translationWrites;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DemoEditions.DemoEdition> started = demoEditions.start();
        var chapters = DemoChapters.load();
        var editions = chapters.stream().map(DemoChapters.DemoChapter::edition).distinct().toList();
        for (String edition : editions) {
            if (!book.chapters(edition).isEmpty()) {
                log.info("edition {} already has chapters: the demo is not loaded again", edition);
                continue;
            }
            chapters.stream().filter(c -> c.edition().equals(edition)).forEach(c -> writes.put(edition, c.slug(),
                    new ChapterRequest(c.title(), c.body(), c.position(), c.slug(), "fr"), CREATE, LOADER));
            log.info("loaded the demo report's chapters of edition {}", edition);
        }
        loadTranslations();
        demoEditions.finish(started);
    }

    /**
     * The demo's translations, into an edition that has none yet (and only into its target
     * languages: the edition must be started first), each translating its chapter as it is; then
     * one small real correction of a French chapter, after its English translation, so the demo
     * shows a stale translation.
     */
    private void loadTranslations() {
        var demo = DemoTranslations.load();
        for (String edition : demo.stream().map(DemoTranslations.DemoTranslation::edition).distinct().toList()) {
            if (!translations.list(edition).isEmpty()) {
                continue;
            }
            List<String> targets = editions.edition(edition).map(Edition::targetLanguages).orElse(List.of());
            var into = demo.stream().filter(t -> t.edition().equals(edition) && targets.contains(t.language())).toList();
            if (into.isEmpty()) {
                log.info("edition {} is not translated into the demo translations' languages: they are not loaded", edition);
                continue;
            }
            into.forEach(t -> translationWrites.put(edition, t.slug(), t.language(),
                    new TranslationRequest(t.title(), t.body(), null, null), CREATE, LOADER));
            book.current(edition, CORRECTED).filter(c -> c.body().contains(BEFORE)).ifPresent(this::correct);
            log.info("loaded the demo report's translations of edition {}", edition);
        }
    }

    private void correct(Chapter chapter) {
        writes.put(chapter.edition(), chapter.slug(), new ChapterRequest(chapter.title(), chapter.body().replace(BEFORE, AFTER),
                null, null, null), new Preconditions(chapter.etag(), null), LOADER);
    }
}
