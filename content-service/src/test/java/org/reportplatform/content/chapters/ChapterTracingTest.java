package org.reportplatform.content.chapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One edit can be followed end to end: a write continues the caller's W3C trace (its
 * {@code traceparent} header), and the event it publishes carries that trace twice, in
 * {@code EventMetadata.traceparent} (kept in the log forever) and in the Kafka record's
 * {@code traceparent} header (Spring Kafka's observation, what a consumer continues).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class ChapterTracingTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void theEventOfAWriteCarriesTheTraceOfTheRequestInItsMetadataAndItsKafkaHeaders() {
        // Given a caller in a trace of its own
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        // When it creates a chapter
        http.put().uri("/api/editions/2050/chapters/defenseurs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin").header(HttpHeaders.IF_NONE_MATCH, "*")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Défenseur.e.s", "body", "Texte.", "ownerTeam", "defenseurs"))
                .exchange()
                .expectStatus().isCreated();

        // Then the event names the caller's trace (a span of this service within it)
        ConsumerRecord<String, SpecificRecord> record = only("2050/defenseurs");
        String traceparent = ((ChapterChanged) record.value()).getMetadata().getTraceparent();
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callerSpan);
        // and so does the Kafka record's header
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).isNotNull();
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void aWriteWithoutACallerTraceStartsOne() {
        http.put().uri("/api/editions/2051/chapters/enfants")
                .header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin").header(HttpHeaders.IF_NONE_MATCH, "*")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Enfants", "body", "Texte.", "ownerTeam", "enfants"))
                .exchange()
                .expectStatus().isCreated();

        ConsumerRecord<String, SpecificRecord> record = only("2051/enfants");
        String traceparent = ((ChapterChanged) record.value()).getMetadata().getTraceparent();
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceparent.substring(3, 35);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).contains(traceId);
    }

    private static ConsumerRecord<String, SpecificRecord> only(String key) {
        List<ConsumerRecord<String, SpecificRecord>> records = new TopicReader(kafka.bootstrapServers()).records(Topics.CHAPTERS).stream()
                .filter(r -> r.key().equals(key)).toList();
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
