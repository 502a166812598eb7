package org.reportplatform.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;
import static org.reportplatform.gateway.testing.RenderedOutputs.output;
import static org.reportplatform.gateway.testing.RenderedOutputs.sha256Hex;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.SseRecorder;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /api/live} on a real broker: every page the render service publishes after the
 * gateway's initial read reaches the stream with where it came from; a client that lost its
 * connection resumes exactly where it was, or is told to reload; and {@code ?live} pages reload
 * themselves. Each test publishes under paths of its own; the ring is small (20) here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "report.gateway.live.ring-size=20",
        "report.gateway.live.heartbeat=250ms"})
@ActiveProfiles("demo")
@AutoConfigureWebTestClient
@DirtiesContext
class LiveStreamTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final String PAGES = Topics.PAGES.name();
    private static final String DOCUMENTS = Topics.DOCUMENTS.name();
    private static final String WEBTEAM = "demo-webteam";

    static TopicPublisher publisher;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @BeforeAll
    static void aPageIsPublishedBeforeTheGatewayStarts() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        publisher = new TopicPublisher(kafka.bootstrapServers());
        publisher.publish(PAGES, "/2023/avant", html("/2023/avant", "<p>Publiée avant le démarrage</p>"));
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    LiveNotices notices;

    @LocalServerPort
    int port;

    @Test
    void aPublishedPageIsStreamedWithWhereItCameFromAndItsDeletionToo() {
        // Given the web team watches the stream
        try (SseRecorder stream = SseRecorder.open(base(), "/api/live", WEBTEAM)) {
            // When the render service publishes a page rebuilt 120 ms after the edit that caused it
            Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String cause = UUID.randomUUID().toString();
            String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            String body = "<h1>Défenseur.e.s</h1>";
            RenderedOutput page = RenderedOutput.newBuilder(html("/2024/defenseurs", body))
                    .setSourceRevisions(Map.of("chapter:2024/defenseurs", 7L, "indicator:2024/sos-defenders.cases", 2L))
                    .setCauses(List.of(cause))
                    .setTraceparent(traceparent)
                    .setSourceChangedAt(changedAt)
                    .setPublishedAt(changedAt.plusMillis(120))
                    .build();
            publisher.publish(PAGES, "/2024/defenseurs", page);

            // Then the stream tells it: id, path, hash, revisions, latency, cause, trace
            ServerSentEvent<String> published = stream.awaitEvents(1).get(0);
            assertThat(published.event()).isEqualTo("published");
            assertThat(published.id()).matches(notices.instance() + "\\.\\d+");
            String json = published.data();
            assertThat((String) JsonPath.read(json, "$.id")).isEqualTo(published.id());
            assertThat((String) JsonPath.read(json, "$.type")).isEqualTo("published");
            assertThat((String) JsonPath.read(json, "$.path")).isEqualTo("/2024/defenseurs");
            assertThat((String) JsonPath.read(json, "$.kind")).isEqualTo("page");
            assertThat((String) JsonPath.read(json, "$.sha256")).isEqualTo(sha256Hex(body));
            assertThat((String) JsonPath.read(json, "$.contentType")).isEqualTo("text/html;charset=UTF-8");
            assertThat((Map<String, Object>) JsonPath.read(json, "$.sourceRevisions")).containsExactlyInAnyOrderEntriesOf(
                    Map.of("chapter:2024/defenseurs", 7, "indicator:2024/sos-defenders.cases", 2));
            assertThat((List<String>) JsonPath.read(json, "$.causes")).containsExactly(cause);
            assertThat((String) JsonPath.read(json, "$.traceparent")).isEqualTo(traceparent);
            assertThat(((Number) JsonPath.read(json, "$.latencyMs")).longValue()).isEqualTo(120);
            assertThat(Instant.parse(JsonPath.read(json, "$.sourceChangedAt"))).isEqualTo(changedAt);
            assertThat(Instant.parse(JsonPath.read(json, "$.publishedAt"))).isEqualTo(changedAt.plusMillis(120));
            assertThat(Instant.parse(JsonPath.read(json, "$.receivedAt"))).isAfterOrEqualTo(changedAt);

            // When the page is deleted, Then the stream says so too
            publisher.tombstone(PAGES, "/2024/defenseurs");
            ServerSentEvent<String> removed = stream.awaitEvents(2).get(1);
            assertThat(removed.event()).isEqualTo("removed");
            assertThat((String) JsonPath.read(removed.data(), "$.path")).isEqualTo("/2024/defenseurs");
            assertThat(sequence(removed.id())).isEqualTo(sequence(published.id()) + 1);
        }
    }

    @Test
    void documentsAreStreamedAndTheInitialReadIsNot() {
        try (SseRecorder stream = SseRecorder.open(base(), "/api/live", WEBTEAM)) {
            publisher.publish(DOCUMENTS, "/2024/report.pdf", output("/2024/report.pdf", "application/pdf",
                    "%PDF-1.7 rapport".getBytes(StandardCharsets.US_ASCII)));

            ServerSentEvent<String> document = stream.awaitEvents(1).get(0);
            assertThat((String) JsonPath.read(document.data(), "$.kind")).isEqualTo("document");
            assertThat((String) JsonPath.read(document.data(), "$.path")).isEqualTo("/2024/report.pdf");
        }
        // The page read at start is served, but was never a live notice
        http.get().uri("/2023/avant").exchange().expectStatus().isOk();
        assertThat(notices.recent()).extracting(LiveNotice::path).doesNotContain("/2023/avant");
    }

    @Test
    void resumingWithLastEventIdDeliversExactlyTheNoticesMissed() {
        // Given a client that saw two notices, then lost its connection
        String lastSeen;
        try (SseRecorder first = SseRecorder.open(base(), "/api/live", WEBTEAM)) {
            publisher.publish(PAGES, "/2024/resume-1", html("/2024/resume-1", "<p>1</p>"));
            publisher.publish(PAGES, "/2024/resume-2", html("/2024/resume-2", "<p>2</p>"));
            lastSeen = first.awaitEvents(2).get(1).id();
        }

        // While it is away, three more pages are published (one of them deleted)
        publisher.publish(PAGES, "/2024/resume-3", html("/2024/resume-3", "<p>3</p>"));
        publisher.publish(PAGES, "/2024/resume-4", html("/2024/resume-4", "<p>4</p>"));
        publisher.tombstone(PAGES, "/2024/resume-3");
        await().atMost(Duration.ofSeconds(10)).until(() -> sequence(notices.lastId()) == sequence(lastSeen) + 3);

        // When it reconnects with the id of the last event it saw
        try (SseRecorder resumed = SseRecorder.open(base(), "/api/live",
                headers -> { headers.setBearerAuth(WEBTEAM); headers.set("Last-Event-ID", lastSeen); })) {
            // Then it gets exactly what it missed, in the gateway's order, once. The two paths may
            // sit on different partitions, so only one path's own events have a fixed order.
            List<ServerSentEvent<String>> missed = resumed.awaitEvents(3);
            assertThat(missed).extracting(e -> e.event() + " " + JsonPath.read(e.data(), "$.path"))
                    .containsExactlyInAnyOrder("published /2024/resume-3", "published /2024/resume-4", "removed /2024/resume-3");
            assertThat(missed).extracting(e -> e.event() + " " + JsonPath.read(e.data(), "$.path"))
                    .filteredOn(event -> event.endsWith("/2024/resume-3"))
                    .containsExactly("published /2024/resume-3", "removed /2024/resume-3");
            assertThat(missed).extracting(e -> sequence(e.id()))
                    .containsExactly(sequence(lastSeen) + 1, sequence(lastSeen) + 2, sequence(lastSeen) + 3);

            // And then the stream goes on live, with nothing repeated
            publisher.publish(PAGES, "/2024/resume-5", html("/2024/resume-5", "<p>5</p>"));
            List<ServerSentEvent<String>> all = resumed.awaitEvents(4);
            assertThat(all).hasSize(4);
            assertThat((String) JsonPath.read(all.get(3).data(), "$.path")).isEqualTo("/2024/resume-5");
        }
    }

    @Test
    void aResumeOlderThanTheRingOrFromAnotherGatewayGetsAReset() {
        // Given a client's last event id, then more notices than the ring keeps (20 here)
        publisher.publish(PAGES, "/2024/ring-0", html("/2024/ring-0", "<p>0</p>"));
        await().atMost(Duration.ofSeconds(10)).until(() -> notices.recent().stream().anyMatch(n -> n.path().equals("/2024/ring-0")));
        String old = notices.lastId();
        for (int i = 1; i <= 25; i++) {
            publisher.send(PAGES, "/2024/ring-" + i, html("/2024/ring-" + i, "<p>" + i + "</p>"));
        }
        publisher.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> sequence(notices.lastId()) >= sequence(old) + 25);

        // When it resumes from there, Then it is told to reload, and the reset's id is where to go on from
        try (SseRecorder tooOld = SseRecorder.open(base(), "/api/live",
                headers -> { headers.setBearerAuth(WEBTEAM); headers.set("Last-Event-ID", old); })) {
            ServerSentEvent<String> reset = tooOld.awaitEvents(1).get(0);
            assertThat(reset.event()).isEqualTo("reset");
            assertThat(reset.id()).isEqualTo(notices.lastId());
            assertThat((String) JsonPath.read(reset.data(), "$.reason")).contains("no longer kept");

            // And live notices follow
            publisher.publish(PAGES, "/2024/ring-after", html("/2024/ring-after", "<p>après</p>"));
            assertThat((String) JsonPath.read(tooOld.awaitEvents(2).get(1).data(), "$.path")).isEqualTo("/2024/ring-after");
        }

        // When a client resumes with an id of another gateway (or of before a restart), Then a reset too
        try (SseRecorder other = SseRecorder.open(base(), "/api/live?lastEventId=autrepasserelle.3", WEBTEAM)) {
            assertThat(other.awaitEvents(1).get(0).event()).isEqualTo("reset");
            assertThat((String) JsonPath.read(other.events().get(0).data(), "$.reason")).contains("another gateway instance");
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamOpen() {
        try (SseRecorder idle = SseRecorder.open(base(), "/api/live", WEBTEAM)) {
            // the heartbeat is 250 ms here (15 s by default)
            await().atMost(Duration.ofSeconds(5)).until(() -> idle.comments().stream().filter("heartbeat"::equals).count() >= 3);
            assertThat(idle.comments().get(0)).startsWith("live notices of gateway " + notices.instance());
            assertThat(idle.isCompleted()).isFalse();
        }
    }

    @Test
    void theStreamIsForTheWebTeamOperatorsAndAdminsOnly() {
        http.get().uri("/api/live").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/signin"));
        http.get().uri("/api/live").headers(h -> h.setBearerAuth("pas-un-jeton")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("the token is not valid"));
        http.get().uri("/api/live").headers(h -> h.setBearerAuth("demo-enfants")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("demo-enfants"));
        for (String token : List.of("demo-operator", "demo-admin")) {
            try (SseRecorder allowed = SseRecorder.open(base(), "/api/live", token)) {
                assertThat(allowed.comments()).isNotEmpty();
            }
        }
    }

    @Test
    void aPageOpenedWithLiveGetsTheReloadScriptAndItsOwnETagAndOtherwiseThePublishedBytes() {
        // Given a published page
        String body = "<!DOCTYPE html><html lang=\"fr\"><body><main><p>Enfants</p></main></body></html>";
        publisher.publish(PAGES, "/2024/enfants-live", html("/2024/enfants-live", body));
        awaitStatus("/2024/enfants-live");
        String sha = sha256Hex(body);

        // Then without ?live it is served byte for byte as published
        http.get().uri("/2024/enfants-live").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha + "\"")
                .expectBody(byte[].class).isEqualTo(body.getBytes(StandardCharsets.UTF_8));

        // And with ?live it has the reload script before </body>, and an entity tag of its own
        String script = "<script src=\"/ui/reload.js\" data-path=\"/2024/enfants-live\" data-sha256=\"" + sha + "\" defer></script>\n";
        String live = body.replace("</body>", script + "</body>");
        http.get().uri("/2024/enfants-live?live").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha + ".live\"")
                .expectHeader().contentLength(live.getBytes(StandardCharsets.UTF_8).length)
                .expectBody(String.class).isEqualTo(live);
        http.get().uri("/2024/enfants-live?live").header(HttpHeaders.IF_NONE_MATCH, "\"" + sha + ".live\"").exchange()
                .expectStatus().isNotModified();
        http.get().uri("/2024/enfants-live?live").header(HttpHeaders.IF_NONE_MATCH, "\"" + sha + "\"").exchange()
                .expectStatus().isOk();
        http.get().uri("/2024/enfants-live").header(HttpHeaders.IF_NONE_MATCH, "\"" + sha + ".live\"").exchange()
                .expectStatus().isOk();

        // And the script it loads is served
        http.get().uri("/ui/reload.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectBody(String.class).value(js -> assertThat(js).contains("/api/live/page?path="));

        // And a document is never changed by ?live
        byte[] pdf = "%PDF-1.7 live".getBytes(StandardCharsets.US_ASCII);
        publisher.publish(DOCUMENTS, "/2024/live.pdf", output("/2024/live.pdf", "application/pdf", pdf));
        awaitStatus("/2024/live.pdf");
        http.get().uri("/2024/live.pdf?live").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256Hex(pdf) + "\"")
                .expectBody(byte[].class).isEqualTo(pdf);
    }

    @Test
    void aLivePageHearsItsCurrentVersionAtOnceThenItsOwnChangesOnly() {
        publisher.publish(PAGES, "/2024/femmes-live", html("/2024/femmes-live", "<p>v1</p>"));
        awaitStatus("/2024/femmes-live");

        // Public: no token needed, the page itself is public
        try (SseRecorder page = SseRecorder.open(base(), "/api/live/page?path=/2024/femmes-live", headers -> { })) {
            // At once: the version served now
            ServerSentEvent<String> current = page.awaitEvents(1).get(0);
            assertThat(current.event()).isEqualTo("page");
            assertThat((String) JsonPath.read(current.data(), "$.path")).isEqualTo("/2024/femmes-live");
            assertThat((String) JsonPath.read(current.data(), "$.sha256")).isEqualTo(sha256Hex("<p>v1</p>"));
            assertThat((Boolean) JsonPath.read(current.data(), "$.removed")).isFalse();

            // Another page changes: nothing; this one changes, then is deleted: told each time
            publisher.publish(PAGES, "/2024/autre-live", html("/2024/autre-live", "<p>autre</p>"));
            publisher.publish(PAGES, "/2024/femmes-live", html("/2024/femmes-live", "<p>v2</p>"));
            publisher.tombstone(PAGES, "/2024/femmes-live");
            List<ServerSentEvent<String>> events = page.awaitEvents(3);
            assertThat(events).hasSize(3);
            assertThat((String) JsonPath.read(events.get(1).data(), "$.sha256")).isEqualTo(sha256Hex("<p>v2</p>"));
            assertThat((Boolean) JsonPath.read(events.get(2).data(), "$.removed")).isTrue();
        }

        http.get().uri("/api/live/page").exchange().expectStatus().isBadRequest();
    }

    private void awaitStatus(String path) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                http.get().uri(path).exchange().expectStatus().isOk());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static long sequence(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('.') + 1));
    }
}
