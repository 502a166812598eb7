package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;

/**
 * Crash mid-burst: while 1,000 chapter and figure updates stream in through the gateway, the
 * render service is killed (SIGKILL: no shutdown hook, nothing flushed) and started again.
 * Afterwards the served report is what a full render of the final state gives (an operator's full
 * rebuild finds nothing to publish, and every page the gateway serves has the bytes of the last
 * record of its path), and every acknowledged update is in it: each chapter page shows its last
 * acknowledged text and the last acknowledged value of each indicator it references.
 */
@ExtendWith(SharedPlatform.class)
class CrashMidBurstTest {

    private static final String EDITION = "2091";
    private static final int CHAPTERS = 4;
    private static final int FIGURES_PER_CHAPTER = 2;
    private static final int UPDATES = 1_000;
    private static final int KILL_AFTER = 300;

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());

    @Test
    void theRenderServiceKilledMidBurstComesBackToExactlyTheFullRenderOfTheFinalState() throws Exception {
        // Given an edition of 4 chapters, each showing 2 indicators, all owned by team enfants
        List<Author> authors = new ArrayList<>();
        Map<String, List<String>> figuresOf = new HashMap<>();
        int authorCount = CHAPTERS * (1 + FIGURES_PER_CHAPTER);
        for (int c = 1; c <= CHAPTERS; c++) {
            String slug = "crash-" + c;
            List<String> figures = new ArrayList<>();
            for (int f = 1; f <= FIGURES_PER_CHAPTER; f++) {
                String id = "crash.c" + c + "f" + f;
                assertThat(api.createIndicator(EDITION, id, "enfants", 0).status()).isEqualTo(201);
                figures.add(id);
            }
            figuresOf.put(slug, figures);
            assertThat(api.createChapter(EDITION, slug, "enfants", "Chapitre " + slug, Author.chapterBody(slug, 0, figures)).status())
                    .isEqualTo(201);
        }
        AtomicBoolean stop = new AtomicBoolean();
        int perAuthor = (UPDATES + authorCount - 1) / authorCount;
        for (String slug : figuresOf.keySet()) {
            authors.add(new Author(api, Author.Kind.CHAPTER, EDITION, slug, "demo-enfants", perAuthor, 0, stop::get)
                    .referencing(figuresOf.get(slug)));
            for (String figure : figuresOf.get(slug)) {
                authors.add(new Author(api, Author.Kind.INDICATOR, EDITION, figure, "demo-enfants", perAuthor, 0, stop::get));
            }
        }
        ServiceProcess render = platform.service("render-service");

        // When the updates stream in, and the render service is killed after the first 300 and started again at once
        ExecutorService pool = Executors.newFixedThreadPool(authors.size());
        long started = System.nanoTime();
        List<Future<?>> running = authors.stream().map(pool::submit).<Future<?>>map(f -> f).toList();
        await("the first " + KILL_AFTER + " updates acknowledged").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> authors.stream().mapToLong(Author::acknowledged).sum() >= KILL_AFTER);
        long acknowledgedAtKill = authors.stream().mapToLong(Author::acknowledged).sum();
        render.kill();
        long killedAt = System.nanoTime();
        CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> render.restart(Duration.ofSeconds(120)));
        for (Future<?> author : running) {
            author.get(3, java.util.concurrent.TimeUnit.MINUTES);
        }
        long burstMillis = (System.nanoTime() - started) / 1_000_000;
        restarted.get(3, java.util.concurrent.TimeUnit.MINUTES);
        long renderBackMillis = (System.nanoTime() - killedAt) / 1_000_000;
        pool.shutdown();
        authors.forEach(Author::rethrow);

        // Then every update was acknowledged once and is in the log once, revisions without gaps
        WriteAudit audit = WriteAudit.of(authors, platform.topics());
        assertThat(audit.problems()).isEmpty();
        assertThat(audit.acknowledged()).isGreaterThanOrEqualTo(UPDATES);

        // and every chapter page serves its last acknowledged text and indicator values
        await("the last acknowledged state served").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (Author author : authors) {
                        if (author.kind() == Author.Kind.CHAPTER) {
                            String page = platform.gateway().get("/" + EDITION + "/" + author.id()).body();
                            assertThat(page).contains("Version " + author.lastAcknowledged() + " du chapitre " + author.id());
                            for (Author figure : authors) {
                                if (figuresOf.get(author.id()).contains(figure.id())) {
                                    assertThat(page).contains(figure.id() + " vaut " + figure.lastAcknowledged() + " cas");
                                }
                            }
                        }
                    }
                });
        // and the PDF is built from the final revisions
        Map<String, Long> finalRevisions = finalRevisions(authors);
        await("the PDF rendered from the final revisions").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> java.util.Optional.ofNullable(platform.topics().lastOutputs(Topics.DOCUMENTS.name()).get("/" + EDITION + "/report.pdf"))
                        .map(pdf -> finalRevisions.entrySet().stream().allMatch(e ->
                                e.getValue().equals(pdf.getSourceRevisions().get(e.getKey()))))
                        .orElse(false));

        // and a full render of the final state changes nothing: the operator's rebuild publishes no output
        RawHttp.Answer rebuild = platform.gateway().send("POST", "/api/ops/rebuild", Map.of("Authorization", "Bearer demo-operator"), null);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(200);
        int rendered = JsonPath.read(rebuild.body(), "$.rendered");
        int published = JsonPath.read(rebuild.body(), "$.published");
        int deleted = JsonPath.read(rebuild.body(), "$.deleted");
        assertThat(published).as("outputs a full render found different from the served ones").isZero();
        assertThat(deleted).isZero();

        // and the gateway serves, for every page of the edition, the bytes of the last record of its path
        Map<String, RenderedOutput> pages = platform.topics().lastOutputs(Topics.PAGES.name());
        int compared = 0;
        for (var page : pages.entrySet()) {
            if (page.getKey().startsWith("/" + EDITION + "/") && page.getValue() != null) {
                RawHttp.Answer served = platform.gateway().get(page.getKey());
                assertThat(served.header("etag")).as(page.getKey()).contains(page.getValue().getSha256());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(CHAPTERS + 1);

        System.out.printf("[reliability] crash mid-burst: %d updates in %d ms by %d authors; render-service SIGKILLed after %d "
                        + "acknowledged, ready again %d ms after the kill; %s; full rebuild: %d outputs rendered, %d published, "
                        + "%d deleted; %d served pages equal to their last record%n",
                audit.attempts(), burstMillis, authors.size(), acknowledgedAtKill, renderBackMillis, audit.figures(), rendered,
                published, deleted, compared);
    }

    private Map<String, Long> finalRevisions(List<Author> authors) {
        Map<String, Long> revisions = new HashMap<>();
        for (Author author : authors) {
            RawHttp.Answer current = author.kind() == Author.Kind.CHAPTER ? api.chapter(EDITION, author.id())
                    : api.indicator(EDITION, author.id());
            revisions.put((author.kind() == Author.Kind.CHAPTER ? "chapter:" : "indicator:") + author.key(), ReportApi.revision(current));
        }
        return revisions;
    }
}
