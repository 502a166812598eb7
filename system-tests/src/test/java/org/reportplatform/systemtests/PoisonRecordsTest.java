package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.schemas.Topics;

/**
 * Poison records: bytes that are not Avro, and Avro single-object headers naming a schema no one
 * knows, put straight on every topic the services read. What each reader does with them:
 *
 * <ul>
 *   <li>render-service (chapters, indicators, datasets): the record goes to {@code <topic>.DLT},
 *       as it arrived, with the error in Spring Kafka's exception headers; the events after it
 *       are rendered.</li>
 *   <li>content-service's figure references (indicators, datasets) and the writers' replays
 *       (content-service: chapters; figures-service: indicators, datasets): skip it with an error
 *       in their log, and go on. No DLT: the render service already dead-letters these records
 *       once, and a second copy per reader would tell the operator nothing new.</li>
 *   <li>gateway (pages, documents): skips it, logs it and counts it ({@code skippedRecords} of
 *       {@code siteView} in {@code /actuator/health}); every replica reads those topics whole, so
 *       a DLT would get one copy per replica and start.</li>
 * </ul>
 */
@ExtendWith(SharedPlatform.class)
class PoisonRecordsTest {

    private static final String EDITION = "2094";
    private static final byte[] NOT_AVRO = "{\"title\": \"du JSON, pas de l'Avro\"}".getBytes(StandardCharsets.UTF_8);
    /** The single-object marker, a fingerprint no published schema has, and a body. */
    private static final byte[] UNKNOWN_SCHEMA = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0x02, 0x41, 0x42};

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());

    @Test
    void poisonOnEveryInputTopicIsDeadLetteredOrSkippedAndWhatComesAfterIsProcessed() throws Exception {
        List<String> sources = List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name());
        List<String> outputs = List.of(Topics.PAGES.name(), Topics.DOCUMENTS.name());
        long skippedBefore = gatewaySkippedRecords();

        // Given two poison records on each input topic
        for (String topic : sources) {
            platform.topics().writeRaw(topic, EDITION + "/poison-not-avro", NOT_AVRO);
            platform.topics().writeRaw(topic, EDITION + "/poison-unknown-schema", UNKNOWN_SCHEMA);
        }
        for (String topic : outputs) {
            platform.topics().writeRaw(topic, "/" + EDITION + "/poison-not-avro", NOT_AVRO);
            platform.topics().writeRaw(topic, "/" + EDITION + "/poison-unknown-schema", UNKNOWN_SCHEMA);
        }

        // When events come after them: an indicator, a dataset, and a chapter showing both
        assertThat(api.createIndicator(EDITION, "poison.after", "enfants", 417).status()).isEqualTo(201);
        RawHttp.Answer dataset = platform.gateway().send("PUT", ReportApi.datasets(EDITION) + "/poison-after",
                ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"),
                ("{\"title\": \"Après le poison\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, "
                        + "{\"name\": \"n\", \"type\": \"number\"}], \"rows\": [[\"a\", 1], [\"b\", 2]], \"ownerTeam\": \"enfants\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(dataset.status()).as(dataset.toString()).isEqualTo(201);
        // content-service learns figures from the same topics, past the poison: no "unknown" warning once it has read them
        String body = "Après le poison : poison.after vaut {{fig:poison.after}} cas.\n\n{{chart:poison-after}}\n";
        await("content-service's reference view past the poison").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    RawHttp.Answer probe = platform.gateway().send("PUT", ReportApi.chapters(EDITION) + "/probe-"
                            + System.nanoTime(), ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"),
                            ReportApi.json("{\"title\": \"Sonde\", \"body\": %s, \"ownerTeam\": \"enfants\"}", body));
                    return probe.status() == 201 && !probe.body().contains("warnings");
                });
        assertThat(api.createChapter(EDITION, "apres-le-poison", "enfants", "Après le poison", body).status()).isEqualTo(201);

        // Then the render service rendered them
        await("the events after the poison rendered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(platform.gateway().get("/" + EDITION + "/apres-le-poison").body())
                        .contains("poison.after vaut 417 cas").contains("<svg"));

        // and each poison is in its DLT, as it was written, with the error
        List<String> dlt = new ArrayList<>();
        for (String topic : sources) {
            await("the poison of " + topic + " dead-lettered").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        List<TopicLog.Entry> letters = platform.topics().records(topic + ".DLT").stream()
                                .filter(e -> e.key() != null && e.key().startsWith(EDITION + "/poison-")).toList();
                        assertThat(letters).extracting(TopicLog.Entry::key)
                                .containsExactlyInAnyOrder(EDITION + "/poison-not-avro", EDITION + "/poison-unknown-schema");
                        for (TopicLog.Entry letter : letters) {
                            byte[] expected = letter.key().endsWith("not-avro") ? NOT_AVRO : UNKNOWN_SCHEMA;
                            assertThat(Arrays.equals(letter.value(), expected)).as("the DLT keeps the bytes of %s", letter.key()).isTrue();
                            // the message header says only "failed to deserialize"; the cause, with the reason, is in the stack trace header
                            assertThat(letter.headers().get("kafka_dlt-exception-message")).isNotBlank();
                            assertThat(letter.headers().get("kafka_dlt-exception-stacktrace"))
                                    .contains(letter.key().endsWith("not-avro") ? "is not an Avro single-object encoded event" : "unknown schema");
                            assertThat(letter.headers().get("kafka_dlt-original-topic")).isEqualTo(topic);
                        }
                    });
            dlt.add(topic + ".DLT");
        }

        // and the gateway skipped and counted the poison on its topics, and serves what came after
        long skipped = gatewaySkippedRecords() - skippedBefore;
        assertThat(skipped).as("records the gateway skipped").isEqualTo(4);
        assertThat(Files.readString(platform.service("gateway").log())).contains("skipped an unreadable record at " + Topics.PAGES.name());
        assertThat(Files.readString(platform.service("content-service").log()))
                .contains("skipped an unreadable record at " + Topics.INDICATORS.name());

        // and the writers, restarted, replay their topics past the poison: every event after it is there
        long restartStarted = System.nanoTime();
        CompletableFuture<Void> content = CompletableFuture.runAsync(() -> {
            platform.service("content-service").stop();
            platform.service("content-service").restart(Duration.ofSeconds(150));
        });
        CompletableFuture<Void> figures = CompletableFuture.runAsync(() -> {
            platform.service("figures-service").stop();
            platform.service("figures-service").restart(Duration.ofSeconds(150));
        });
        CompletableFuture.allOf(content, figures).get(4, java.util.concurrent.TimeUnit.MINUTES);
        long restartMillis = (System.nanoTime() - restartStarted) / 1_000_000;
        assertThat(api.chapter(EDITION, "apres-le-poison").status()).isEqualTo(200);
        assertThat((String) JsonPath.read(api.indicator(EDITION, "poison.after").body(), "$.value").toString()).isEqualTo("417");
        assertThat(platform.gateway().get(ReportApi.datasets(EDITION) + "/poison-after").status()).isEqualTo(200);
        assertThat(Files.readString(platform.service("content-service").log())).containsPattern(
                "(?s)skipped an unreadable record at " + Topics.CHAPTERS.name().replace(".", "\\.") + ".*while replaying");
        assertThat(Files.readString(platform.service("figures-service").log()))
                .contains("skipped an unreadable record at " + Topics.INDICATORS.name())
                .contains("skipped an unreadable record at " + Topics.DATASETS.name());

        System.out.printf("[reliability] poison records: %d written (2 per topic on %s and %s); %d dead-lettered with their "
                        + "error (%s); %d skipped and counted by the gateway; writers restarted past them in %d ms; the events "
                        + "after them served%n", 2 * (sources.size() + outputs.size()), sources, outputs, 2 * dlt.size(), dlt,
                skipped, restartMillis);
    }

    private long gatewaySkippedRecords() {
        RawHttp.Answer health = new RawHttp(platform.service("gateway").url()).get("/actuator/health");
        Number skipped = JsonPath.read(health.body(), "$.components.siteView.details.skippedRecords");
        return skipped.longValue();
    }
}
