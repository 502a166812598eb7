package org.reportplatform.gateway.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.live.LiveHandler;
import org.reportplatform.gateway.live.LiveNotices;
import org.reportplatform.gateway.live.LiveProperties;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.testing.RenderedOutputs;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.StubService.Answer;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.CallerAuthentication;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.security.SecurityProperties;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The preview routes against a stand-in content-service (who may read the draft) and a view of
 * the previews filled by hand: what is served to whom, with which headers, and the French pages of
 * a refusal, of a chapter without a draft and of a preview still being rendered. The real chain
 * (render service, broker, sign-in) is the system tests'.
 */
class PreviewPagesTest {

    private static final StubService CONTENT = StubService.start();
    private static final SecurityProperties SECURITY = new SecurityProperties(
            "a-test-assertion-key-of-at-least-32-bytes!", Duration.ofMinutes(2), null, null, List.of());
    private static final CallerAssertions ASSERTIONS = new CallerAssertions(SECURITY, Clock.systemUTC());
    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);
    private static final String DRAFT = "/api/editions/2024/chapters/enfants/draft";
    private static final String PAGE = "<!DOCTYPE html><html lang=\"fr\"><body><h1>Enfants (brouillon)</h1></body></html>";

    private final SiteView view = new SiteView(List.of(Topics.PREVIEWS.name()));
    private WebTestClient web;

    @BeforeEach
    void setUp() {
        CONTENT.reset();
        view.markCaughtUp();
        BackendClient client = new BackendClient(WebClient.builder(), CONTENT.uri(), ASSERTIONS, Duration.ofSeconds(10));
        ProblemResponses problems = new ProblemResponses(ServerCodecConfigurer.create());
        LiveProperties live = new LiveProperties(100, Duration.ofSeconds(15), 10, 16);
        LiveHandler liveHandler = new LiveHandler(new LiveNotices(view, live), view, problems, live);
        web = WebTestClient.bindToRouterFunction(PreviewConfiguration.routes(view, new Backends(client, client, client), problems, liveHandler))
                .apply(springSecurity())
                .configureClient().baseUrl("https://rapport.example.org").build()
                .mutateWith(mockAuthentication(new CallerAuthentication(AMINA)));
    }

    @AfterAll
    static void stop() {
        CONTENT.close();
    }

    private void publish(String path, String contentType, byte[] content, long draftRevision) {
        RenderedOutput output = RenderedOutputs.output(path, contentType, content);
        Map<String, Long> revisions = new HashMap<>(output.getSourceRevisions());
        revisions.put("draft:2024/enfants", draftRevision);
        output.setSourceRevisions(revisions);
        output.setEdition("2024");
        view.apply(Topics.PREVIEWS.name(), path, output);
    }

    private void draftReadable(int status) {
        CONTENT.answer("GET", DRAFT, new Answer(status, "application/json", status == 200 ? "{\"revision\": 7}" : "{\"status\": " + status + "}",
                status == 200 ? Map.of("ETag", "\"7\"") : Map.of(), Duration.ZERO));
    }

    @Test
    void whoeverMayReadTheDraftGetsItsPreviewPrivateAndNamingItsRevision() {
        draftReadable(200);
        publish("/preview/2024/enfants", "text/html;charset=UTF-8", PAGE.getBytes(StandardCharsets.UTF_8), 7);
        publish("/preview/2024/enfants.pdf", "application/pdf", "%PDF-1.7 brouillon".getBytes(StandardCharsets.US_ASCII), 7);

        web.get().uri("/preview/2024/enfants").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Draft-Revision", "7")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store", "private"))
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
                .expectBody(String.class).isEqualTo(PAGE);
        web.get().uri("/preview/2024/enfants.pdf").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().valueEquals("X-Draft-Revision", "7")
                .expectBody(String.class).isEqualTo("%PDF-1.7 brouillon");

        // asked as the person looking, of content-service
        StubService.Received asked = CONTENT.received().stream().filter(r -> r.pathAndQuery().equals(DRAFT)).findFirst().orElseThrow();
        String authorization = asked.header(HttpHeaders.AUTHORIZATION);
        assertThat(CallerAssertions.callerOf(ASSERTIONS.decoder().decode(authorization.substring(7)).block()).accountId())
                .isEqualTo(AMINA.accountId());

        // ?live: the page plus the reload script following the preview's own authorized stream
        web.get().uri("/preview/2024/enfants?live").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<script src=\"/ui/reload.js\" data-path=\"/preview/2024/enfants\"",
                                "data-events=\"/api/live/preview?path=/preview/2024/enfants\"")
                        .endsWith("</script>\n</body></html>"));
    }

    @Test
    void aTranslationsDraftIsPreviewedInItsLanguageForWhoeverMayReadThatDraft() {
        String translationDraft = "/api/editions/2024/chapters/enfants/translations/en/draft";
        CONTENT.answer("GET", translationDraft, new Answer(200, "application/json", "{\"revision\": 3}", Map.of("ETag", "\"3\""),
                Duration.ZERO));
        RenderedOutput output = RenderedOutputs.output("/preview/2024/en/enfants", "text/html;charset=UTF-8",
                PAGE.getBytes(StandardCharsets.UTF_8));
        output.setSourceRevisions(Map.of("draft:2024/enfants/en", 3L));
        output.setEdition("2024");
        view.apply(Topics.PREVIEWS.name(), "/preview/2024/en/enfants", output);

        // The translation's draft is what content-service is asked about, as the person looking, and its revision is named
        web.get().uri("/preview/2024/en/enfants").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Draft-Revision", "3")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store", "private"))
                .expectBody(String.class).isEqualTo(PAGE);
        assertThat(CONTENT.received()).anyMatch(r -> r.pathAndQuery().equals(translationDraft))
                .noneMatch(r -> r.pathAndQuery().equals(DRAFT));

        // and whoever may not read that draft gets no preview of it
        CONTENT.answer("GET", translationDraft, new Answer(403, "application/json", "{\"status\": 403}", Map.of(), Duration.ZERO));
        web.get().uri("/preview/2024/en/enfants").exchange().expectStatus().isForbidden();
        web.get().uri("/preview/2024/english/enfants").exchange().expectStatus().isNotFound();
    }

    @Test
    void theLiveStreamTellsTheShownPreviewAtOnceThenEachNewOne() {
        draftReadable(200);
        publish("/preview/2024/enfants", "text/html;charset=UTF-8", PAGE.getBytes(StandardCharsets.UTF_8), 7);
        String first = view.get("/preview/2024/enfants").orElseThrow().sha256();
        reactor.core.publisher.Flux<ServerSentEvent<String>> events = web.get().uri("/api/live/preview?path=/preview/2024/enfants")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody();

        reactor.test.StepVerifier.create(events.filter(event -> "page".equals(event.event())).map(ServerSentEvent::data))
                .assertNext(data -> assertThat(data).contains("\"sha256\":\"" + first + "\"", "\"removed\":false"))
                .then(() -> publish("/preview/2024/enfants", "text/html;charset=UTF-8",
                        PAGE.replace("brouillon", "brouillon revu").getBytes(StandardCharsets.UTF_8), 8))
                .assertNext(data -> assertThat(data).doesNotContain(first).contains("\"removed\":false"))
                .then(() -> view.apply(Topics.PREVIEWS.name(), "/preview/2024/enfants", null))
                .assertNext(data -> assertThat(data).contains("\"removed\":true"))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void othersGetTheReservedPageOrA403ProblemAndAChapterWithoutDraftA404() {
        publish("/preview/2024/enfants", "text/html;charset=UTF-8", PAGE.getBytes(StandardCharsets.UTF_8), 7);
        draftReadable(403);
        web.get().uri("/preview/2024/enfants").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(html -> assertThat(html).contains("Accès réservé", "Amina Diallo").doesNotContain("brouillon)"));
        web.get().uri("/preview/2024/enfants.pdf").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/live/preview?path=/preview/2024/enfants").exchange().expectStatus().isForbidden();

        draftReadable(404);
        web.get().uri("/preview/2024/enfants").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(html -> assertThat(html).contains("Aucun brouillon en cours", "href=\"/2024/enfants\""));
        web.get().uri("/preview/2024/enfants").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPreviewNotRenderedYetSaysSoAndWithLiveReloadsWhenItComes() {
        draftReadable(200);
        web.get().uri("/preview/2024/enfants?live").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody(String.class).value(html -> assertThat(html).contains("Aperçu en préparation",
                        "data-path=\"/preview/2024/enfants\" data-sha256=\"\" data-events=\"/api/live/preview?path=/preview/2024/enfants\""));
        web.get().uri("/preview/2024/nouveau/de-trop").exchange().expectStatus().isNotFound();
    }

    @Test
    void contentServiceDownIsA503() {
        CONTENT.answer("GET", DRAFT, new Answer(500, "application/json", "{}", Map.of(), Duration.ZERO));
        web.get().uri("/preview/2024/enfants").exchange().expectStatus().isEqualTo(503);
    }
}
