package org.reportplatform.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;
import static org.reportplatform.gateway.testing.RenderedOutputs.output;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.live.LiveNotices;
import org.reportplatform.gateway.testing.Browser;
import org.reportplatform.gateway.testing.GatewayInstance;
import org.reportplatform.gateway.testing.TestAccounts;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.SseRecorder;
import org.reportplatform.schemas.Topics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Gateways scale out with no coordination: two of them on one broker, one started early and one
 * late (so one learns most of the report live and the other from the log), serve the same bytes
 * under the same entity tag for every path, deleted ones included, and stream the same changes.
 * A person signed in on one is signed in on the other, and after a restart (sessions live in Kafka).
 */
class TwoGatewaysTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final String PAGES = Topics.PAGES.name();
    private static final String DOCUMENTS = Topics.DOCUMENTS.name();

    private final Set<String> paths = new LinkedHashSet<>();

    @Test
    void twoGatewaysOnOneBrokerServeTheSameBytesForEveryPath() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        try (TopicPublisher publisher = new TopicPublisher(kafka.bootstrapServers())) {
            // Given part of the report is published before any gateway starts
            page(publisher, "/2024/", "<h1>Rapport annuel 2024</h1>");
            for (int i = 0; i < 40; i++) {
                page(publisher, "/2024/chapitre-" + i, "<p>Chapitre " + i + ", version 1</p>");
            }
            document(publisher, "%PDF-1.7 version 1");
            publisher.flush();

            try (GatewayInstance first = GatewayInstance.start(kafka.bootstrapServers())) {
                // And more is published while only the first gateway runs
                page(publisher, "/2024/chapitre-1", "<p>Chapitre 1, version 2</p>");
                publisher.tombstone(PAGES, "/2024/chapitre-2");
                for (int i = 40; i < 50; i++) {
                    page(publisher, "/2024/chapitre-" + i, "<p>Chapitre " + i + ", version 1</p>");
                }
                publisher.flush();
                awaitServed(first, "/2024/chapitre-49", "version 1");

                // When the second gateway starts (reading all of it from the log)
                try (GatewayInstance second = GatewayInstance.start(kafka.bootstrapServers());
                        SseRecorder firstStream = SseRecorder.open(first.url(), "/api/live", "demo-webteam");
                        SseRecorder secondStream = SseRecorder.open(second.url(), "/api/live", "demo-webteam")) {
                    // And more changes come while both run
                    page(publisher, "/2024/chapitre-3", "<p>Chapitre 3, version 2</p>");
                    publisher.tombstone(PAGES, "/2024/chapitre-4");
                    document(publisher, "%PDF-1.7 version 2");
                    page(publisher, "/2024/chapitre-50", "<p>Chapitre 50, version 1</p>");
                    publisher.flush();
                    for (GatewayInstance gateway : List.of(first, second)) {
                        awaitServed(gateway, "/2024/chapitre-50", "version 1");
                        awaitServed(gateway, "/2024/report.pdf", "version 2");
                    }

                    // Then every path answers the same on both: status, bytes, entity tag, type
                    WebTestClient a = client(first);
                    WebTestClient b = client(second);
                    for (String path : paths) {
                        EntityExchangeResult<byte[]> fromFirst = a.get().uri(path).exchange().expectBody(byte[].class).returnResult();
                        EntityExchangeResult<byte[]> fromSecond = b.get().uri(path).exchange().expectBody(byte[].class).returnResult();
                        assertThat(fromSecond.getStatus()).as(path).isEqualTo(fromFirst.getStatus());
                        assertThat(fromSecond.getResponseBody()).as(path).isEqualTo(fromFirst.getResponseBody());
                        assertThat(fromSecond.getResponseHeaders().getETag()).as(path).isEqualTo(fromFirst.getResponseHeaders().getETag());
                        assertThat(fromSecond.getResponseHeaders().getContentType()).as(path)
                                .isEqualTo(fromFirst.getResponseHeaders().getContentType());
                    }
                    a.get().uri("/2024/chapitre-2").exchange().expectStatus().isNotFound();
                    b.get().uri("/2024/chapitre-4").exchange().expectStatus().isNotFound();
                    a.get().uri("/2024/chapitre-1").exchange().expectBody(String.class).isEqualTo("<p>Chapitre 1, version 2</p>");
                    b.get().uri("/2024/chapitre-1").exchange().expectBody(String.class).isEqualTo("<p>Chapitre 1, version 2</p>");
                    assertThat(first.bean(SiteView.class).size()).isEqualTo(second.bean(SiteView.class).size()).isEqualTo(51);

                    // And both streamed the same four changes, each under ids of its own instance
                    List<String> seenByFirst = changes(firstStream.awaitEvents(4), first.bean(LiveNotices.class).instance());
                    List<String> seenBySecond = changes(secondStream.awaitEvents(4), second.bean(LiveNotices.class).instance());
                    assertThat(seenBySecond).containsExactlyInAnyOrderElementsOf(seenByFirst).hasSize(4);
                    assertThat(first.bean(LiveNotices.class).instance()).isNotEqualTo(second.bean(LiveNotices.class).instance());
                }
            }
        }
    }

    @Test
    void aSessionStartedOnOneGatewayWorksOnAnotherAndAfterARestart() {
        // Given a person's account on the accounts topic
        TopicPublisher.createTopics(kafka.bootstrapServers());
        try (TopicPublisher publisher = new TopicPublisher(kafka.bootstrapServers())) {
            TestAccounts.publish(publisher, "sofia", 1,
                    TestAccounts.account("sofia@example.org", "Sofia Rossi", "un mot de passe assez long", "webteam").build());
        }
        String session;
        try (GatewayInstance first = GatewayInstance.start(kafka.bootstrapServers());
                GatewayInstance second = GatewayInstance.start(kafka.bootstrapServers())) {
            // When she signs in on the first gateway
            Browser browser = new Browser(client(first));
            assertThat(browser.signIn("sofia@example.org", "un mot de passe assez long", "/live").getStatus().value()).isEqualTo(303);
            session = browser.session();

            // Then her very next request, sent to the other gateway, is hers (no sticky sessions)
            EntityExchangeResult<String> live = browser.on(client(second)).get("/live");
            assertThat(live.getStatus().value()).isEqualTo(200);
            assertThat(live.getResponseBody()).contains("Sofia Rossi");
        }
        // And after every gateway restarted, the session still holds
        try (GatewayInstance restarted = GatewayInstance.start(kafka.bootstrapServers())) {
            client(restarted).get().uri("/live").cookie(Browser.SESSION, session).exchange().expectStatus().isOk();

            // And signing out there ends it for good
            Browser browser = new Browser(client(restarted)).withCookie(Browser.SESSION, session);
            browser.get("/live");
            assertThat(browser.post("/signout", new org.springframework.util.LinkedMultiValueMap<>(
                    java.util.Map.of("_csrf", List.of(browser.csrf())))).getStatus().value()).isEqualTo(303);
            client(restarted).get().uri("/live").cookie(Browser.SESSION, session).exchange().expectStatus().isSeeOther();
        }
    }

    private void page(TopicPublisher publisher, String path, String body) {
        paths.add(path);
        publisher.send(PAGES, path, html(path, body));
    }

    private void document(TopicPublisher publisher, String content) {
        paths.add("/2024/report.pdf");
        publisher.send(DOCUMENTS, "/2024/report.pdf", output("/2024/report.pdf", "application/pdf",
                content.getBytes(StandardCharsets.US_ASCII)));
    }

    private static List<String> changes(List<ServerSentEvent<String>> events, String instance) {
        List<String> changes = new ArrayList<>();
        for (ServerSentEvent<String> event : events) {
            assertThat(event.id()).startsWith(instance + ".");
            changes.add(event.event() + " " + JsonPath.read(event.data(), "$.path") + " "
                    + (event.event().equals("published") ? JsonPath.read(event.data(), "$.sha256") : "-"));
        }
        return changes;
    }

    private static void awaitServed(GatewayInstance gateway, String path, String text) {
        WebTestClient client = client(gateway);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                client.get().uri(path).exchange().expectStatus().isOk()
                        .expectBody(String.class).value(body -> assertThat(body).contains(text)));
    }

    private static WebTestClient client(GatewayInstance gateway) {
        return WebTestClient.bindToServer().baseUrl(gateway.url())
                .defaultHeader(HttpHeaders.ACCEPT_ENCODING, "identity").build();
    }
}
