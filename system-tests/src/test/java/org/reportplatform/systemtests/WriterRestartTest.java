package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writer restart: content-service is restarted (SIGTERM, a graceful stop) and figures-service is
 * killed (SIGKILL) and started again, each while authors keep writing through the gateway. No
 * acknowledged write is lost or in the log twice, revisions stay 1, 2, 3... per resource, and each
 * restarted writer answers the same history as its log.
 */
@ExtendWith(SharedPlatform.class)
class WriterRestartTest {

    private static final String EDITION = "2093";
    private static final int BETWEEN_RESTARTS = 10;

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());

    @Test
    void noAcknowledgedWriteIsLostOrDuplicatedWhenTheWritersRestartUnderLoad() throws Exception {
        // Given two chapters and two indicators, each with its author writing all the time
        AtomicBoolean stop = new AtomicBoolean();
        List<Author> authors = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String figure = "writer.f" + i;
            String slug = "writer-" + i;
            assertThat(api.createIndicator(EDITION, figure, "enfants", 0).status()).isEqualTo(201);
            assertThat(api.createChapter(EDITION, slug, "enfants", "Chapitre " + slug, Author.chapterBody(slug, 0, List.of(figure)))
                    .status()).isEqualTo(201);
            authors.add(new Author(api, Author.Kind.CHAPTER, EDITION, slug, "demo-enfants", Integer.MAX_VALUE, 0, stop::get)
                    .referencing(List.of(figure)));
            authors.add(new Author(api, Author.Kind.INDICATOR, EDITION, figure, "demo-enfants", Integer.MAX_VALUE, 0, stop::get));
        }
        ExecutorService pool = Executors.newFixedThreadPool(authors.size());
        List<Future<?>> writing = authors.stream().<Future<?>>map(pool::submit).toList();
        try {
            awaitMoreAcknowledged(authors);

            // When content-service is stopped and started again under load
            long contentStarted = System.nanoTime();
            platform.service("content-service").stop();
            platform.service("content-service").restart(Duration.ofSeconds(120));
            long contentMillis = (System.nanoTime() - contentStarted) / 1_000_000;
            awaitMoreAcknowledged(authors);

            // and figures-service is killed and started again under load
            long figuresStarted = System.nanoTime();
            platform.service("figures-service").kill();
            platform.service("figures-service").restart(Duration.ofSeconds(120));
            long figuresMillis = (System.nanoTime() - figuresStarted) / 1_000_000;
            awaitMoreAcknowledged(authors);

            stop.set(true);
            for (Future<?> f : writing) {
                f.get(1, TimeUnit.MINUTES);
            }
            authors.forEach(Author::rethrow);

            // Then every acknowledged write is in the log once, none twice, revisions without gaps.
            // Awaited: a writer killed inside a transaction leaves it open, and read-committed readers
            // see nothing after it until Kafka aborts it (transaction.timeout.ms, 60 s) unless the new
            // instance fences it (docs/reliability.md, "known problems"); the delay is printed.
            long stopped = System.nanoTime();
            WriteAudit[] last = new WriteAudit[1];
            await("every acknowledged write readable in the log").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        last[0] = WriteAudit.of(authors, platform.topics());
                        assertThat(last[0].problems()).isEmpty();
                    });
            long visibleAfterMillis = (System.nanoTime() - stopped) / 1_000_000;
            WriteAudit audit = last[0];
            assertThat(audit.acknowledged()).isGreaterThanOrEqualTo(3 * BETWEEN_RESTARTS * authors.size());

            // and each writer, rebuilt by its replay, answers the log's last revision, and a history ending there without gaps
            for (Author author : authors) {
                String kind = author.kind() == Author.Kind.CHAPTER ? "chapters" : "indicators";
                long current = ReportApi.revision(author.kind() == Author.Kind.CHAPTER ? api.chapter(EDITION, author.id())
                        : api.indicator(EDITION, author.id()));
                assertThat(current).as(author.id()).isEqualTo((long) audit.eventsByKey().get(author.key()));
                RawHttp.Answer history = platform.gateway().get("/api/editions/" + EDITION + "/" + kind + "/" + author.id() + "/revisions");
                assertThat(history.status()).as(history.toString()).isEqualTo(200);
                List<Integer> revisions = JsonPath.read(history.body(), "$[*].revision");
                assertThat(revisions).as(author.id()).isNotEmpty().isEqualTo(java.util.stream.LongStream
                        .rangeClosed(current - revisions.size() + 1, current).mapToObj(r -> (int) r).toList());
            }

            System.out.printf("[reliability] writer restart: content-service stopped and ready again in %d ms, figures-service "
                    + "killed and ready again in %d ms, under load; %s; all of them readable %d ms after the last write%n",
                    contentMillis, figuresMillis, audit.figures(), visibleAfterMillis);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /**
     * A client that hangs up while its write is being committed (a timeout, a closed browser tab,
     * the gateway giving up) does not leave the writer's state behind its log: the next write
     * would then publish a revision number that is already on the topic.
     */
    @Test
    void clientsHangingUpMidWriteNeverForkTheRevisions() {
        String slug = "hang-up";
        assertThat(api.createChapter(EDITION, slug, "enfants", "Chapitre " + slug, Author.chapterBody(slug, 0, List.of())).status())
                .isEqualTo(201);
        java.util.Random random = new java.util.Random(8);
        int hungUp = 0;
        int acknowledged = 0;
        for (int i = 1; i <= 150; i++) {
            long revision = ReportApi.revision(api.chapter(EDITION, slug));
            // the writer itself, no gateway between: the client's timeout closes the connection mid-write
            RawHttp impatient = new RawHttp(platform.service("content-service").url(), Duration.ofMillis(5 + random.nextInt(300)));
            RawHttp.Answer answer = impatient.send("PUT", ReportApi.chapters(EDITION) + "/" + slug,
                    ReportApi.headers("demo-enfants", "If-Match", "\"" + revision + "\""),
                    ReportApi.json("{\"title\": %s, \"body\": %s}", "Chapitre " + slug, Author.chapterBody(slug, 1000 + i, List.of())));
            if (answer.status() == 0) {
                hungUp++;
            } else if (answer.isSuccess()) {
                acknowledged++;
            }
        }
        List<Long> revisions = platform.topics().records(org.reportplatform.schemas.Topics.CHAPTERS.name()).stream()
                .filter(e -> (EDITION + "/" + slug).equals(e.key()) && e.event() != null)
                .map(e -> ((org.reportplatform.schemas.ChapterChanged) e.event()).getRevision()).toList();
        long current = ReportApi.revision(api.chapter(EDITION, slug));
        System.out.printf("[reliability] client hang-ups: 150 writes, %d hung up mid-write, %d acknowledged; %d events on the topic, "
                + "the writer says revision %d%n", hungUp, acknowledged, revisions.size(), current);
        assertThat(revisions).as("revisions on the topic").isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, revisions.size()).boxed().toList());
        assertThat(current).as("the writer's revision").isEqualTo(revisions.size());
    }

    private static void awaitMoreAcknowledged(List<Author> authors) {
        long[] before = authors.stream().mapToLong(Author::acknowledged).toArray();
        await("each author acknowledged " + BETWEEN_RESTARTS + " more times").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    for (int i = 0; i < authors.size(); i++) {
                        if (authors.get(i).acknowledged() < before[i] + BETWEEN_RESTARTS) {
                            return false;
                        }
                    }
                    return true;
                });
    }
}
