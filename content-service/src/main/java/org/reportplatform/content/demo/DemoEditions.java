package org.reportplatform.content.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.content.editions.EditionRequest;
import org.reportplatform.content.editions.EditionWrites;
import org.reportplatform.content.editions.NewEditionRequest;
import org.reportplatform.content.references.KnownReferences;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's editions: 2024, published, in French translated into English and Spanish; 2023,
 * closed, translated into English. Each is started (being prepared) before its chapters are
 * loaded and brought to its state once they are: an edition is closed only once its chapters
 * and key figures are in.
 */
final class DemoEditions {

    private static final Logger log = LoggerFactory.getLogger(DemoEditions.class);
    /** How long the closing of a demo edition waits for figures-service's demo key figures (started alongside). */
    private static final Duration FIGURES_WAIT = Duration.ofSeconds(120);

    /** A demo edition and the state the demo leaves it in. */
    record DemoEdition(String edition, String title, Map<String, String> titles, List<String> targetLanguages, Edition.Status status) {
    }

    static final List<DemoEdition> EDITIONS = List.of(
            new DemoEdition("2024", "Rapport annuel 2024", Map.of("en", "Annual report 2024", "es", "Informe anual 2024"),
                    List.of("en", "es"), Edition.Status.PUBLISHED),
            new DemoEdition("2023", "Rapport annuel 2023", Map.of(), List.of("en"), Edition.Status.CLOSED));

    private final EditionGuard guard;
    private final EditionWrites writes;
    private final ChapterBook chapters;
    private final KnownReferences figures;
    private final Caller loader;

    DemoEditions(EditionGuard guard, EditionWrites writes, ChapterBook chapters, KnownReferences figures, Caller loader) {
        this.guard = guard;
        this.writes = writes;
        this.chapters = chapters;
        this.figures = figures;
        this.loader = loader;
    }

    /** Starts each demo edition that does not exist yet (neither as an edition nor through chapters); the ones started. */
    List<DemoEdition> start() {
        List<DemoEdition> started = new ArrayList<>();
        for (DemoEdition demo : EDITIONS) {
            if (guard.edition(demo.edition()).isPresent()) {
                continue;
            }
            writes.create(demo.edition(), new NewEditionRequest(null, demo.title(), "fr", demo.targetLanguages()), loader);
            if (!demo.titles().isEmpty()) {
                writes.update(demo.edition(), new EditionRequest(demo.title(), demo.titles(), demo.targetLanguages(), true),
                        new Preconditions("\"1\"", null), loader);
            }
            started.add(demo);
        }
        return started;
    }

    /** Publishes the editions {@link #start} started, and closes those the demo shows closed once their figures are in. */
    void finish(List<DemoEdition> started) {
        for (DemoEdition demo : started) {
            writes.publish(demo.edition(), new Preconditions(null, null), loader);
            if (demo.status() == Edition.Status.CLOSED) {
                awaitFigures(demo.edition());
                writes.close(demo.edition(), new Preconditions(null, null), loader);
            }
            log.info("demo edition {} is {}", demo.edition(), demo.status().json());
        }
    }

    /**
     * Waits (bounded) until every key figure the edition's chapters show exists: figures-service
     * loads them at the same time, and a closed edition's figures can no longer be written.
     */
    private void awaitFigures(String edition) {
        long deadline = System.nanoTime() + FIGURES_WAIT.toNanos();
        while (!figuresIn(edition)) {
            if (System.nanoTime() > deadline) {
                log.warn("the key figures of demo edition {} did not arrive within {} s; it is closed without them", edition,
                        FIGURES_WAIT.toSeconds());
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean figuresIn(String edition) {
        return chapters.chapters(edition).stream().allMatch(chapter -> figures.warnings(edition, chapter.body()).isEmpty());
    }
}
