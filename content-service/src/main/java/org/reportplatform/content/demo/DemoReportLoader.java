package org.reportplatform.content.demo;

import java.util.Set;
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
 * Loads the demo report's chapters through the same writes as the API, once the log has been
 * replayed and before the service reports ready. An edition that already has chapters is left
 * alone, so a repeated flag never loads the demo twice.
 */
@Component
@ConditionalOnBooleanProperty("report.demo.load")
class DemoReportLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReportLoader.class);
    private static final Caller LOADER = new Caller("system:demo-loader", "Chargement de la démo", Set.of(Role.ADMIN), Set.of(), null);
    private static final Preconditions CREATE = new Preconditions(null, "*");

    private final ChapterBook book;
    private final ChapterWrites writes;

    DemoReportLoader(ChapterBook book, ChapterWrites writes) {
        this.book = book;
        this.writes = writes;
    }

    @Override
    public void run(ApplicationArguments args) {
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
    }
}
