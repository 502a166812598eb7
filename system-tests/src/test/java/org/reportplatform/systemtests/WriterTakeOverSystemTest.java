package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * content-service as an active writer and a standby behind one gateway, as processes on Kafka's
 * own broker. The active one is killed (SIGKILL) while an author edits a chapter through the
 * gateway: the standby takes over within seconds, every acknowledged edit is in the log once, no
 * refused one is, and the revisions stay 1, 2, 3... A platform of its own: none has two writers.
 */
class WriterTakeOverSystemTest {

    private static final String EDITION = "2094";
    private static final String SLUG = "relais";
    private static final int EDITS = 10;

    @Test
    void killingTheActiveWriterLosesAndForksNoRevision() throws Exception {
        Path logs = RunConfiguration.root().resolve("system-tests/target/service-logs/writers-" + System.currentTimeMillis());
        try (KafkaServerProcess broker = KafkaServerProcess.start(logs.resolve("kafka"));
                Platform platform = Platform.startWithStandbyWriter(broker.bootstrapServers(), logs)) {
            // Given the first content-service as the active writer, the second as its standby
            ServiceProcess active = platform.service("content-service");
            ServiceProcess standby = platform.service("content-service-standby");
            assertThat(role(active)).isEqualTo("active");
            assertThat(role(standby)).isEqualTo("standby");
            ReportApi api = new ReportApi(new RawHttp(platform.gatewayUrl()));
            assertThat(api.createChapter(EDITION, SLUG, "enfants", "Relais", Author.chapterBody(SLUG, 0, List.of())).status())
                    .isEqualTo(201);
            // and an author editing the chapter through the gateway all the time
            AtomicBoolean stop = new AtomicBoolean();
            Author author = new Author(api, Author.Kind.CHAPTER, EDITION, SLUG, "demo-enfants", Integer.MAX_VALUE, 0, stop::get);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> writing = pool.submit(author);
            try {
                awaitAcknowledged(author, EDITS);

                // When the active writer is killed
                long killedAt = System.nanoTime();
                active.kill();
                awaitAcknowledged(author, author.acknowledged() + EDITS);
                stop.set(true);
                writing.get(1, TimeUnit.MINUTES);
                author.rethrow();

                // Then the standby took over and the gateway sends it the edits
                assertThat(role(standby)).isEqualTo("active");
                Author.Attempt firstAfter = author.attempts().stream()
                        .filter(attempt -> attempt.acknowledged() && attempt.sentAt() > killedAt).findFirst().orElseThrow();
                long refusedMillis = (firstAfter.answeredAt() - killedAt) / 1_000_000;
                long refusedAttempts = author.attempts().stream()
                        .filter(attempt -> attempt.sentAt() > killedAt && attempt.number() < firstAfter.number()).count();
                // and every acknowledged edit is in the log once, no refused one, revisions without a gap
                WriteAudit[] last = new WriteAudit[1];
                await("every acknowledged edit readable in the log").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            last[0] = WriteAudit.of(List.of(author), new TopicLog(broker.bootstrapServers()));
                            assertThat(last[0].problems()).isEmpty();
                        });
                System.out.printf("[writers] the active content-service killed: edits through the gateway acknowledged again after %d ms"
                        + " (%d attempts refused meanwhile); %s%n", refusedMillis, refusedAttempts, last[0].figures());
                assertThat(refusedMillis).as("the standby takes the writes within 10 s").isLessThan(10_000);
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
        }
    }

    /** The writer role its health shows: {@code active} or {@code standby}. */
    private static String role(ServiceProcess service) {
        RawHttp.Answer health = new RawHttp(service.url()).get("/actuator/health/writer");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        return health.body().contains("\"role\":\"active\"") ? "active" : health.body().contains("\"role\":\"standby\"") ? "standby"
                : health.body();
    }

    private static void awaitAcknowledged(Author author, long count) {
        await("the author's edits acknowledged").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> author.acknowledged() >= count);
    }
}
