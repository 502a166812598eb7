package org.reportplatform.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;
import static org.reportplatform.gateway.testing.RenderedOutputs.output;
import static org.reportplatform.gateway.testing.RenderedOutputs.sha256Hex;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.GatewayInstance;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.SseRecorder;
import org.reportplatform.schemas.Topics;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Kafka stops under a running gateway: it goes on serving the last report it read, whole and
 * unchanged (conditional requests included), stays ready, keeps its live streams open, and
 * still shuts down promptly. The broker is this class's own, so that the test can stop it.
 */
class ServingWhileKafkaIsStoppedTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @Test
    void theGatewayKeepsServingTheLastReportWhileKafkaIsStopped() throws InterruptedException {
        // Given a gateway serving a report
        String bootstrap = kafka.bootstrapServers();
        TopicPublisher.createTopics(bootstrap);
        Map<String, byte[]> report = new LinkedHashMap<>();
        try (TopicPublisher publisher = new TopicPublisher(bootstrap)) {
            report.put("/2024/", "<h1>Rapport annuel 2024</h1>".getBytes(StandardCharsets.UTF_8));
            for (String slug : new String[] {"defenseurs", "enfants", "femmes", "migrants"}) {
                report.put("/2024/" + slug, ("<h1>" + slug + "</h1><p>" + "Texte. ".repeat(300) + "</p>").getBytes(StandardCharsets.UTF_8));
            }
            report.forEach((path, bytes) -> publisher.send(Topics.PAGES.name(), path, html(path, new String(bytes, StandardCharsets.UTF_8))));
            byte[] pdf = ("%PDF-1.7 " + "x".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
            report.put("/2024/report.pdf", pdf);
            publisher.send(Topics.DOCUMENTS.name(), "/2024/report.pdf", output("/2024/report.pdf", "application/pdf", pdf));
            publisher.flush();
        }
        GatewayInstance gateway = GatewayInstance.start(bootstrap);
        try {
            WebTestClient http = WebTestClient.bindToServer().baseUrl(gateway.url()).responseTimeout(Duration.ofSeconds(5)).build();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/2024/report.pdf").exchange().expectStatus().isOk());
            SseRecorder stream = SseRecorder.open(gateway.url(), "/api/live", "demo-webteam");

            // When Kafka stops
            kafka.stop();
            long stoppedAt = System.nanoTime();

            // Then for the next seconds every page is still served, byte for byte, and revalidates
            do {
                for (Map.Entry<String, byte[]> page : report.entrySet()) {
                    String etag = "\"" + sha256Hex(page.getValue()) + "\"";
                    http.get().uri(page.getKey()).exchange()
                            .expectStatus().isOk()
                            .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                            .expectBody(byte[].class).isEqualTo(page.getValue());
                    http.get().uri(page.getKey()).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                            .expectStatus().isNotModified();
                }
                http.get().uri("/").exchange().expectStatus().isFound().expectHeader().location("/2024/");
                http.get().uri("/2024/report.pdf").header(HttpHeaders.RANGE, "bytes=0-7").exchange()
                        .expectStatus().isEqualTo(206)
                        .expectBody(String.class).isEqualTo("%PDF-1.7");
                // And the gateway stays ready: it is the last report it had, not a half one
                http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
                Thread.sleep(250);
            } while (System.nanoTime() - stoppedAt < Duration.ofSeconds(4).toNanos());

            // And the open live stream is still open, and a new one can still be opened
            assertThat(stream.isCompleted()).isFalse();
            assertThat(stream.error()).isNull();
            stream.close();
            try (SseRecorder another = SseRecorder.open(gateway.url(), "/api/live", "demo-webteam")) {
                assertThat(another.comments()).isNotEmpty();
            }
        } finally {
            // And it still stops promptly, Kafka or not
            long closing = System.nanoTime();
            gateway.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(15));
        }
    }
}
