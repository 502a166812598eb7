package org.reportplatform.content.demo;

import java.util.List;
import java.util.Set;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.content.editions.EditionWrites;
import org.reportplatform.content.references.KnownReferences;
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

    private final ChapterBook book;
    private final ChapterWrites writes;
    private final DemoEditions demoEditions;

    DemoReportLoader(ChapterBook book, ChapterWrites writes, EditionGuard editions, EditionWrites editionWrites,
            KnownReferences figures) {
        this.book = book;
        this.writes = writes;
        this.demoEditions = new DemoEditions(editions, editionWrites, book, figures, LOADER);
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
        demoEditions.finish(started);
    }
}
