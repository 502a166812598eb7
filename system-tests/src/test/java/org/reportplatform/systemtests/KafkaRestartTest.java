package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka restart: the broker (a process of its own) is stopped while authors write, and started
 * again. Every write answered 2xx is in the log exactly once and on the site afterwards; every
 * write made while the broker was down was answered 503, in bounded time, and is in the log
 * nowhere; no service was restarted by anyone; and readers got the last report from the gateway
 * all along.
 */
@ExtendWith(SharedPlatform.class)
class KafkaRestartTest {

    private static final String EDITION = "2092";
    private static final int BEFORE = 20;
    private static final int DOWN_ATTEMPTS = 2;
    private static final int AFTER = 20;

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());

    @Test
    void writesDuringABrokerOutageAre503AndEverythingAcknowledgedSurvivesIt() throws Exception {
        // Given a chapter showing an indicator, served by the gateway
        String slug = "kafka-1";
        String figure = "kafka.f1";
        assertThat(api.createIndicator(EDITION, figure, "enfants", 0).status()).isEqualTo(201);
        assertThat(api.createChapter(EDITION, slug, "enfants", "Chapitre " + slug, Author.chapterBody(slug, 0, List.of(figure))).status())
                .isEqualTo(201);
        String page = "/" + EDITION + "/" + slug;
        await("the chapter served").atMost(Duration.ofSeconds(30)).until(() -> platform.gateway().get(page).status() == 200);

        // and readers reading it, and two authors writing, all the time
        AtomicBoolean stop = new AtomicBoolean();
        List<Author> authors = Author.chapterAndItsFigure(api, EDITION, slug, figure, stop::get);
        PageReader reader = new PageReader(platform.gateway(), page, stop::get);
        ExecutorService pool = Executors.newFixedThreadPool(authors.size() + 1);
        List<Future<?>> writing = authors.stream().<Future<?>>map(pool::submit).toList();
        Future<?> reading = pool.submit(reader);
        try {
            await("writes acknowledged before the outage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> authors.stream().allMatch(a -> a.acknowledged() >= BEFORE / 2));

            // When the broker is stopped while they write
            platform.broker().stop();
            long down = System.nanoTime();
            await("each author answered while the broker is down").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> authors.stream().allMatch(a -> answeredBetween(a, down, Long.MAX_VALUE).size() >= DOWN_ATTEMPTS));
            long up = System.nanoTime();
            long outageMillis = (up - down) / 1_000_000;

            // and started again
            platform.broker().start();
            long[] acknowledgedAtRestart = authors.stream().mapToLong(Author::acknowledged).toArray();
            await("writes acknowledged again after the restart, with no service restarted").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        for (int i = 0; i < authors.size(); i++) {
                            if (authors.get(i).acknowledged() < acknowledgedAtRestart[i] + AFTER / 2) {
                                return false;
                            }
                        }
                        return true;
                    });
            long recoveredMillis = (System.nanoTime() - up) / 1_000_000;
            stop.set(true);
            for (Future<?> f : writing) {
                f.get(1, TimeUnit.MINUTES);
            }
            reading.get(1, TimeUnit.MINUTES);
            authors.forEach(Author::rethrow);

            // Then every write made while the broker was down was answered 503, in bounded time
            List<Author.Attempt> duringOutage = authors.stream().flatMap(a -> answeredBetween(a, down, up).stream()).toList();
            assertThat(duringOutage).hasSizeGreaterThanOrEqualTo(DOWN_ATTEMPTS * authors.size());
            assertThat(duringOutage).allSatisfy(a -> assertThat(a.refused()).as("attempt %d: %s", a.number(), a).isTrue());
            long slowest503 = duringOutage.stream().mapToLong(Author.Attempt::millis).max().orElse(0);
            assertThat(slowest503).as("ms to the slowest 503").isLessThan(12_000);

            // and every acknowledged write is in the log exactly once, no refused one is, revisions without gaps
            WriteAudit audit = WriteAudit.of(authors, platform.topics());
            assertThat(audit.problems()).isEmpty();

            // and the site shows the last acknowledged state: the render service resumed by itself
            await("the last acknowledged state served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(platform.gateway().get(page).body())
                            .contains("Version " + authors.get(0).lastAcknowledged() + " du chapitre " + slug)
                            .contains(figure + " vaut " + authors.get(1).lastAcknowledged() + " cas"));
            assertThat(platform.platform().services().values()).allSatisfy(s -> assertThat(s.isAlive()).as(s.name()).isTrue());

            // and the gateway served the page to every reader, all along
            assertThat(reader.statuses().keySet()).as("statuses the readers got").containsOnly(200);

            System.out.printf("[reliability] Kafka restart: broker down %d ms; %s; %d attempts while down, all 503, slowest %d ms; "
                            + "writes acknowledged again %d ms after the broker's start; readers got %s (slowest %d ms)%n",
                    outageMillis, audit.figures(), duringOutage.size(), slowest503, recoveredMillis, reader.statuses(),
                    reader.slowestMillis());
        } finally {
            stop.set(true);
            pool.shutdownNow();
            if (!platform.broker().isRunning()) {
                platform.broker().start();
            }
        }
    }

    /** The author's attempts sent after {@code from} and answered before {@code to}. */
    private static List<Author.Attempt> answeredBetween(Author author, long from, long to) {
        return author.attempts().stream().filter(a -> a.sentAt() >= from && a.answeredAt() <= to).toList();
    }
}
