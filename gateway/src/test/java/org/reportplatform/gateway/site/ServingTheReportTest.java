package org.reportplatform.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;
import static org.reportplatform.gateway.testing.RenderedOutputs.output;
import static org.reportplatform.gateway.testing.RenderedOutputs.sha256Hex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway serves the report from the rendered topics of a real broker. The report of 2023
 * is on the topics before the gateway starts (the initial read); everything else is published
 * while it runs, each test under paths of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class ServingTheReportTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final String PAGES = Topics.PAGES.name();
    private static final String DOCUMENTS = Topics.DOCUMENTS.name();
    private static final int PRELOADED_PAGES = 300;

    static TopicPublisher publisher;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @BeforeAll
    static void theReportOf2023IsPublishedBeforeTheGatewayStarts() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        publisher = new TopicPublisher(kafka.bootstrapServers());
        publisher.send(PAGES, "/2023/", html("/2023/", "<h1>Rapport annuel 2023</h1>"));
        for (int i = 1; i < PRELOADED_PAGES; i++) {
            publisher.send(PAGES, "/2023/page-" + i, html("/2023/page-" + i, "<p>Page " + i + "</p>"));
        }
        publisher.send(DOCUMENTS, "/2023/report.pdf", output("/2023/report.pdf", "application/pdf", "%PDF-1.7 2023".getBytes(StandardCharsets.UTF_8)));
        publisher.publishRaw(PAGES, "/2023/garbage", "not an Avro event".getBytes(StandardCharsets.UTF_8));
        publisher.flush();
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Autowired
    ReadinessLog readiness;

    @Autowired
    FastPages fastPages;

    @Autowired
    ApplicationAvailability availability;

    @Test
    void readinessWaitsForTheInitialRead() {
        // Given the 2023 report was on the topics before the gateway started (see @BeforeAll)

        // Then the gateway refused traffic first, and accepted it only once it held all of it
        assertThat(readiness.states()).first().extracting(ReadinessLog.Seen::state).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(readiness.states()).last().satisfies(ready -> {
            assertThat(ready.state()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(ready.caughtUp()).isTrue();
            assertThat(ready.outputs()).isEqualTo(PRELOADED_PAGES + 1);
        });
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

        // And the probe says so, and every preloaded output is served (the undecodable record was skipped)
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/2023/page-" + (PRELOADED_PAGES - 1)).exchange().expectStatus().isOk();
        http.get().uri("/2023/report.pdf").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF);
        http.get().uri("/2023/garbage").exchange().expectStatus().isNotFound();
    }

    @Test
    void servesAPublishedPageWithItsContentTypeAndStrongETag() {
        // Given the render service publishes the page of the chapter defenseurs
        String body = "<h1>Défenseur.e.s des droits humains</h1><p>4 445 « cas » documentés.</p>";
        publisher.publish(PAGES, "/2024/defenseurs", html("/2024/defenseurs", body));

        // When a reader asks for it, Then it gets the stored bytes, content type and the SHA-256 as ETag
        awaitStatus("/2024/defenseurs", 200);
        http.get().uri("/2024/defenseurs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256Hex(body) + "\"")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody(String.class).isEqualTo(body);
    }

    @Test
    void aLanguagesPagesAndTheListOfEditionsAreServedAndALanguageWithoutItsSlashIsRedirected() {
        // Given the render service publishes the English index and chapter of 2024, and the list of editions
        publisher.publish(PAGES, "/2024/en/", html("/2024/en/", "<h1>Annual report 2024</h1>"));
        publisher.publish(PAGES, "/2024/en/defenseurs", html("/2024/en/defenseurs", "<h1>Human rights defenders</h1>"));
        publisher.publish(PAGES, "/editions", html("/editions", "<h1>Éditions du rapport</h1>"));
        awaitStatus("/editions", 200);
        awaitStatus("/2024/en/defenseurs", 200);

        // Then each is served, also through WebFlux (a query: ?live), and /2024/en goes to its index, query kept
        http.get().uri("/2024/en/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("<h1>Annual report 2024</h1>");
        http.get().uri("/editions?live").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("<h1>Éditions du rapport</h1>"));
        http.get().uri("/2024/en?live").exchange().expectStatus().isEqualTo(301)
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/2024/en/?live");
        // And a language without an index page is no redirect, and a page without its slash is not one either
        http.get().uri("/2024/es?live").exchange().expectStatus().isNotFound();
        http.get().uri("/2024/en/defenseurs/?live").exchange().expectStatus().isNotFound();
    }

    @Test
    void aConditionalGetWithTheCurrentETagAnswers304() {
        // Given a published page
        String body = "<p>Enfants</p>";
        String etag = "\"" + sha256Hex(body) + "\"";
        publisher.publish(PAGES, "/2024/enfants", html("/2024/enfants", body));
        awaitStatus("/2024/enfants", 200);

        // When a reader revalidates with its ETag (alone, in a list, or weak), Then 304 without a body
        for (String ifNoneMatch : List.of(etag, "\"other\", " + etag, "W/" + etag, "*")) {
            http.get().uri("/2024/enfants").header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch).exchange()
                    .expectStatus().isNotModified()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectBody().isEmpty();
        }

        // When the page changes, Then the old ETag no longer matches and the new bytes come back
        String changed = "<p>Enfants, mis à jour</p>";
        publisher.publish(PAGES, "/2024/enfants", html("/2024/enfants", changed));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/2024/enfants").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                        .expectStatus().isOk()
                        .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256Hex(changed) + "\"")
                        .expectBody(String.class).isEqualTo(changed));
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() {
        // Given a published page
        String body = "<p>Femmes</p>";
        publisher.publish(PAGES, "/2024/femmes", html("/2024/femmes", body));
        awaitStatus("/2024/femmes", 200);

        // When a client asks with HEAD, Then it gets the headers of the GET and no body

        http.head().uri("/2024/femmes").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256Hex(body) + "\"")
                .expectHeader().contentLength(body.getBytes(StandardCharsets.UTF_8).length)
                .expectBody().isEmpty();
    }

    @Test
    void aTombstoneTakesThePageDown() {
        // Given a published page
        publisher.publish(PAGES, "/2024/migrants", html("/2024/migrants", "<p>Les migrant.e.s</p>"));
        awaitStatus("/2024/migrants", 200);

        // When the render service deletes it (a tombstone)
        publisher.tombstone(PAGES, "/2024/migrants");

        // Then it is gone: 404 with a problem document
        awaitStatus("/2024/migrants", 404);
        http.get().uri("/2024/migrants").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("nothing is published at /2024/migrants")
                .jsonPath("$.instance").isEqualTo("/2024/migrants");
    }

    @Test
    void theRootRedirectsToTheNewestEdition() {
        // Given the editions 2090 and 2091 are published (numbers above every other test's)
        publisher.publish(PAGES, "/2090/", html("/2090/", "<h1>2090</h1>"));
        publisher.publish(PAGES, "/2091/", html("/2091/", "<h1>2091</h1>"));

        // Then / sends readers to the newest one, and /2091 to its canonical /2091/
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/").exchange()
                        .expectStatus().isFound()
                        .expectHeader().location("/2091/")
                        .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache"));
        http.get().uri("/2091/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("<h1>2091</h1>");
        http.get().uri("/2091").exchange()
                .expectStatus().isEqualTo(301)
                .expectHeader().location("/2091/");
        http.get().uri("/2092").exchange().expectStatus().isNotFound();

        // When 2091 is withdrawn, Then / goes back to 2090
        publisher.tombstone(PAGES, "/2091/");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/").exchange().expectStatus().isFound().expectHeader().location("/2090/"));
    }

    @Test
    void aBrowserGetsAnHtmlNotFoundPageAndTheApiAlwaysJson() {
        // When a browser asks for a page that is not published, Then a small HTML page says so
        http.get().uri("/2024/nulle-part").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("Page introuvable").contains("<code>/2024/nulle-part</code>"));

        // When another client asks, or for a path outside any edition, Then a problem document
        http.get().uri("/pas/une/page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("nothing is published at /pas/une/page");
        http.get().uri("/favicon.ico").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);

        // When an API path matches no route, Then JSON even for a browser
        http.get().uri("/api/editions/2024/nothing").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("no API resource at /api/editions/2024/nothing");
    }

    @Test
    void textIsCompressedForClientsThatAcceptGzipAndThePdfIsServedAsStored() throws IOException {
        // Given a large page and the report PDF
        String body = "<p>" + "Soutien aux victimes. ".repeat(500) + "</p>";
        publisher.publish(PAGES, "/2024/soutien-aux-victimes", html("/2024/soutien-aux-victimes", body));
        byte[] pdf = ("%PDF-1.7 " + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        publisher.publish(DOCUMENTS, "/2024/report.pdf", output("/2024/report.pdf", "application/pdf", pdf));
        awaitStatus("/2024/soutien-aux-victimes", 200);
        awaitStatus("/2024/report.pdf", 200);

        // When a client accepting gzip asks for them (a client that does not decompress by itself)
        WebTestClient raw = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
                .baseUrl("http://localhost:" + port).build();
        byte[] compressed = raw.get().uri("/2024/soutien-aux-victimes").header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .expectBody(byte[].class).returnResult().getResponseBody();

        // Then the page comes gzipped, and the PDF exactly as stored
        try (var gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
        }
        assertThat(compressed.length).isLessThan(body.length() / 10);
        raw.get().uri("/2024/report.pdf").header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + sha256Hex(pdf) + "\"")
                .expectBody(byte[].class).isEqualTo(pdf);
    }

    @Test
    void aRangeOfThePdfIsServedAsPartialContent() {
        // Given the report PDF
        byte[] pdf = ("%PDF-1.7 " + "0123456789".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        String etag = "\"" + sha256Hex(pdf) + "\"";
        publisher.publish(DOCUMENTS, "/2025/report.pdf", output("/2025/report.pdf", "application/pdf", pdf));
        awaitStatus("/2025/report.pdf", 200);
        http.get().uri("/2025/report.pdf").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes");

        // When a reader (a PDF viewer) asks for a range, Then 206 with just those bytes
        http.get().uri("/2025/report.pdf").header(HttpHeaders.RANGE, "bytes=9-18").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 9-18/" + pdf.length)
                .expectHeader().contentLength(10)
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody(String.class).isEqualTo("0123456789");
        // the last bytes, and a range running past the end
        http.get().uri("/2025/report.pdf").header(HttpHeaders.RANGE, "bytes=-4").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes " + (pdf.length - 4) + "-" + (pdf.length - 1) + "/" + pdf.length)
                .expectBody(String.class).isEqualTo("6789");
        http.get().uri("/2025/report.pdf").header(HttpHeaders.RANGE, "bytes=" + (pdf.length - 2) + "-99999").exchange()
                .expectStatus().isEqualTo(206)
                .expectBody(String.class).isEqualTo("89");

        // When the range starts past the end, Then 416 saying how long it is
        http.get().uri("/2025/report.pdf").header(HttpHeaders.RANGE, "bytes=" + pdf.length + "-").exchange()
                .expectStatus().isEqualTo(416)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + pdf.length);

        // When If-Range names another version, or several ranges are asked, Then the whole PDF
        http.get().uri("/2025/report.pdf").header(HttpHeaders.RANGE, "bytes=0-3").header(HttpHeaders.IF_RANGE, "\"old\"").exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).isEqualTo(pdf);
        http.get().uri("/2025/report.pdf").header(HttpHeaders.RANGE, "bytes=0-3").header(HttpHeaders.IF_RANGE, etag).exchange()
                .expectStatus().isEqualTo(206);
        http.get().uri("/2025/report.pdf").header(HttpHeaders.RANGE, "bytes=0-1,5-6").exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).isEqualTo(pdf);

        // And a page (text) is always served whole
        publisher.publish(PAGES, "/2025/texte", html("/2025/texte", "<p>Texte</p>"));
        awaitStatus("/2025/texte", 200);
        http.get().uri("/2025/texte").header(HttpHeaders.RANGE, "bytes=0-1").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCEPT_RANGES)
                .expectBody(String.class).isEqualTo("<p>Texte</p>");
    }

    @Test
    void plainPageRequestsTakeTheFastPathAndPipelinedRequestsKeepTheirOrder() throws IOException {
        // Given two published pages
        publisher.publish(PAGES, "/2024/lent", html("/2024/lent", "<html><body><p>lent</p></body></html>"));
        publisher.publish(PAGES, "/2024/rapide", html("/2024/rapide", "<p>rapide</p>"));
        awaitStatus("/2024/lent", 200);
        awaitStatus("/2024/rapide", 200);

        // When they are asked for plainly, Then the fast path answers (and WebFlux does not)
        long before = fastPages.served();
        http.get().uri("/2024/rapide").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("<p>rapide</p>");
        http.head().uri("/2024/rapide").exchange().expectStatus().isOk().expectHeader().contentLength(13).expectBody().isEmpty();
        assertThat(fastPages.served()).isEqualTo(before + 2);

        // When a client pipelines a request WebFlux answers (?live) and one the fast path would
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /2024/lent?live HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /2024/rapide HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /2024/rapide HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String responses = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // Then the answers come in the order of the requests
            int live = responses.indexOf("/ui/reload.js");
            int first = responses.indexOf("<p>rapide</p>");
            int second = responses.indexOf("<p>rapide</p>", first + 1);
            assertThat(live).as(responses).isPositive();
            assertThat(first).as(responses).isGreaterThan(live);
            assertThat(second).as(responses).isGreaterThan(first);
            assertThat(responses.split("HTTP/1.1 200", -1)).hasSize(4);
        }
    }

    @Test
    void gzipIsAcceptedUnlessRefused() {
        assertThat(FastPages.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(FastPages.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(FastPages.acceptsGzip("*")).isTrue();
        assertThat(FastPages.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(FastPages.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(FastPages.acceptsGzip("identity")).isFalse();
        assertThat(FastPages.acceptsGzip(null)).isFalse();
    }

    @Test
    void anUndecodableRecordIsSkippedAndTheViewGoesOn() {
        // Given bytes that are no Avro event, then a good page, on the same partition key order
        publisher.publishRaw(PAGES, "/2024/casse", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        publisher.publish(PAGES, "/2024/apres", html("/2024/apres", "<p>Après</p>"));

        // Then the good page is served, the broken one is not
        awaitStatus("/2024/apres", 200);
        http.get().uri("/2024/casse").exchange().expectStatus().isNotFound();
    }

    private void awaitStatus(String path, int status) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                http.get().uri(path).exchange().expectStatus().isEqualTo(status));
    }

    /** Every readiness change, with what the view held at that moment. */
    static class ReadinessLog implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

        record Seen(ReadinessState state, int outputs, boolean caughtUp) {
        }

        private final ObjectProvider<SiteView> view;
        private final List<Seen> states = new CopyOnWriteArrayList<>();

        ReadinessLog(ObjectProvider<SiteView> view) {
            this.view = view;
        }

        @Override
        public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
            SiteView current = view.getObject();
            states.add(new Seen(event.getState(), current.size(), current.isCaughtUp()));
        }

        List<Seen> states() {
            return List.copyOf(states);
        }
    }

    @TestConfiguration
    static class Probes {
        @Bean
        ReadinessLog readinessLog(ObjectProvider<SiteView> view) {
            return new ReadinessLog(view);
        }
    }
}
