package org.reportplatform.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.StubService.Answer;
import org.reportplatform.gateway.testing.StubService.Received;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.testing.KafkaBroker;
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
 * {@code /api/**} reaches the right service unchanged, and a service that is down or too slow
 * gives a quick 503 problem naming it. The content and figures services are stub HTTP servers;
 * nothing listens where the render service should be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "report.gateway.request-timeout=1s")
@ActiveProfiles("demo")
@AutoConfigureWebTestClient
@DirtiesContext
class RoutingTheApiTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    static final StubService content = StubService.start();
    static final StubService figures = StubService.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        kafka.register(registry);
        registry.add("report.gateway.content-uri", content::uri);
        registry.add("report.gateway.figures-uri", figures::uri);
        registry.add("report.gateway.render-uri", StubService::downServiceUri);
    }

    @AfterAll
    static void stopStubs() {
        content.close();
        figures.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    CallerAssertions assertions;

    @BeforeEach
    void resetStubs() {
        content.reset();
        figures.reset();
    }

    @Test
    void aChapterWriteReachesTheContentServiceWithItsBodyAndAuthorization() {
        // Given the content service accepts the edit
        content.answer("/api/editions/2024/chapters/defenseurs", new Answer(200, "application/json",
                "{\"slug\":\"defenseurs\",\"revision\":2}", Map.of("ETag", "\"2\""), Duration.ZERO));
        String body = "{\"title\":\"Défenseur.e.s des droits humains\",\"body\":\"« Œuvrer » ensemble.\"}";

        // When a team edits its chapter through the gateway
        http.put().uri("/api/editions/2024/chapters/defenseurs?dryRun=false")
                .header(HttpHeaders.AUTHORIZATION, "Bearer demo-defenseurs")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                // Then the caller gets the service's answer
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.revision").isEqualTo(2);

        // And the service got the request unchanged
        assertThat(content.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.pathAndQuery()).isEqualTo("/api/editions/2024/chapters/defenseurs?dryRun=false");
            // with the gateway's assertion of who asks, never the token itself
            String authorization = request.header(HttpHeaders.AUTHORIZATION);
            assertThat(authorization).startsWith("Bearer ").doesNotContain("demo-defenseurs");
            Caller caller = CallerAssertions.callerOf(assertions.decoder().decode(authorization.substring(7)).block());
            assertThat(caller.accountId()).isEqualTo("demo-defenseurs");
            assertThat(caller.teams()).containsExactly("defenseurs");
            assertThat(caller.token()).isEqualTo("demo-defenseurs");
            assertThat(request.header(HttpHeaders.IF_MATCH)).isEqualTo("\"1\"");
            assertThat(request.header(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
            assertThat(request.body()).isEqualTo(body);
        });
        assertThat(figures.received()).isEmpty();
    }

    @Test
    void theAccountsApiGoesToTheContentService() {
        http.get().uri("/api/accounts").exchange().expectStatus().isOk();
        http.get().uri("/api/me/tokens").exchange().expectStatus().isOk();
        http.get().uri("/api/invitations/abc").exchange().expectStatus().isOk();
        assertThat(content.received()).extracting(Received::pathAndQuery)
                .containsExactly("/api/accounts", "/api/me/tokens", "/api/invitations/abc");
        // No caller, no Authorization: the service decides (401 where it needs someone)
        assertThat(content.received()).allSatisfy(request -> assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull());
    }

    @Test
    void eachApiPathGoesToItsService() {
        // When chapters, indicators (with the import method), and datasets are asked for
        http.get().uri("/api/editions/2024/chapters").exchange().expectStatus().isOk();
        http.post().uri("/api/editions/2024/indicators:import").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("id,value\nsos-defenders.cases,4445\n").exchange().expectStatus().isOk();
        http.get().uri("/api/editions/2024/indicators/sos-defenders.cases").exchange().expectStatus().isOk();
        http.put().uri("/api/editions/2024/datasets/finances-revenus").bodyValue("{}").exchange().expectStatus().isOk();
        // and the drafts of an edition, and a draft's action
        http.get().uri("/api/editions/2024/drafts?scheduled=true").exchange().expectStatus().isOk();
        http.post().uri("/api/editions/2024/chapters/enfants/draft:publish").exchange().expectStatus().isOk();
        // and the edition's translation status
        http.get().uri("/api/editions/2024/translations").exchange().expectStatus().isOk();

        // Then chapters, drafts and translations reach the content service, the rest the figures service, paths unchanged
        assertThat(content.received()).extracting(Received::pathAndQuery).containsExactly("/api/editions/2024/chapters",
                "/api/editions/2024/drafts?scheduled=true", "/api/editions/2024/chapters/enfants/draft:publish",
                "/api/editions/2024/translations");
        assertThat(figures.received()).extracting(Received::method, Received::pathAndQuery).containsExactly(
                tuple("POST", "/api/editions/2024/indicators:import"),
                tuple("GET", "/api/editions/2024/indicators/sos-defenders.cases"),
                tuple("PUT", "/api/editions/2024/datasets/finances-revenus"));
        assertThat(figures.received().get(0).body()).isEqualTo("id,value\nsos-defenders.cases,4445\n");
    }

    @Test
    void aRefusalOfTheServiceReachesTheCallerAsTheServiceWroteIt() {
        // Given the content service refuses a stale revision with its own problem document
        String problem = "{\"type\":\"about:blank\",\"title\":\"Precondition Failed\",\"status\":412,\"currentRevision\":3}";
        content.answer("/api/editions/2024/chapters/enfants",
                new Answer(412, "application/problem+json", problem, Map.of(), Duration.ZERO));

        // Then the gateway passes it on untouched
        http.put().uri("/api/editions/2024/chapters/enfants").header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(problem);
    }

    @Test
    void aServiceThatIsDownAnswersA503ProblemQuickly() {
        // Given nothing listens where the render service should be
        long started = System.nanoTime();

        // When an operator asks it for a full rebuild
        http.post().uri("/api/ops/rebuild").header(HttpHeaders.AUTHORIZATION, "Bearer demo-operator").exchange()
                // Then a 503 problem names the render service, at once
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.service").isEqualTo("render-service")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("render-service is unavailable").contains("never got to it"))
                .jsonPath("$.instance").isEqualTo("/api/ops/rebuild");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aChapterPreviewGoesToTheRenderServiceNotTheContentService() {
        // When a chapter's preview is asked for (render-service renders it; here it is down)
        http.post().uri("/api/editions/2024/chapters/enfants/preview").header(HttpHeaders.AUTHORIZATION, "Bearer demo-enfants")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": \"Enfants\", \"body\": \"Texte\"}").exchange()
                // Then the render service is the one named unavailable, and the content service got nothing
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.service").isEqualTo("render-service");
        assertThat(content.received()).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeAnswers503AfterTheRequestTimeout() {
        // Given the content service hangs for longer than the gateway's request timeout (1 s here)
        content.answer("/api/editions/2024/chapters/femmes",
                new Answer(200, "application/json", "{}", Map.of(), Duration.ofSeconds(4)));
        long started = System.nanoTime();

        // When a team saves its chapter
        http.put().uri("/api/editions/2024/chapters/femmes").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                // Then it gets a 503 after about the timeout, saying the outcome is unknown
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("content-service")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("did not answer within 1 s").contains("may or may not have been applied"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(3500));
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        // When no route matches, Then the gateway itself answers 404 in the platform's format
        http.get().uri("/api/nothing/here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("no API resource at /api/nothing/here");
        assertThat(content.received()).isEmpty();
    }
}
