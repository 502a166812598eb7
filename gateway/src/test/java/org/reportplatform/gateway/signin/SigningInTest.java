package org.reportplatform.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.SseRecorder;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Signing in to the browser pages with the same token as the API, as a browser does it: the
 * form, its CSRF token, the session cookie. The client here keeps cookies by hand, so each
 * step shows exactly which cookie the gateway set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureWebTestClient
@DirtiesContext
class SigningInTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String COOKIE = "REPORT_SESSION";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        kafka.register(registry);
        registry.add("report.gateway.content-uri", StubService::downServiceUri);
    }

    @BeforeAll
    static void aPageIsPublished() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        try (TopicPublisher publisher = new TopicPublisher(kafka.bootstrapServers())) {
            publisher.publish(Topics.PAGES.name(), "/2024/", html("/2024/", "<h1>Rapport annuel 2024</h1>"));
        }
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    /** A browser's state: the session cookie and the CSRF token of the last form it got. */
    record Browser(String session, String csrf) {
    }

    @Test
    void thePagesSendAnonymousBrowsersToTheSignInFormAndBack() {
        for (String page : List.of("/live", "/ops")) {
            http.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isSeeOther()
                    .expectHeader().location("/signin?next=" + page)
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        }

        EntityExchangeResult<String> form = http.get().uri("/signin?next=/live").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'"))
                .expectBody(String.class).returnResult();
        assertThat(form.getResponseBody()).contains("<form method=\"post\" action=\"/signin\"",
                "name=\"token\" type=\"password\"", "name=\"next\" value=\"/live\"");
        assertThat(csrfIn(form.getResponseBody())).hasSizeGreaterThan(30);
    }

    @Test
    void aWrongTokenShowsTheFormAgainWithAnErrorAndSetsNoCookie() {
        Browser browser = openSignInForm();

        // When the token pasted is not one
        http.post().uri("/signin").cookie(COOKIE, browser.session())
                .body(BodyInserters.fromFormData("token", "demo-nobody").with("_csrf", browser.csrf()).with("next", "/live"))
                .exchange()
                // Then the form again, with the error, and no cookie (nobody signed in)
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("Ce jeton n’est pas valide", "action=\"/signin\"", "aria-invalid=\"true\"")
                        .doesNotContain("demo-nobody"));
        http.get().uri("/live").cookie(COOKIE, browser.session()).exchange().expectStatus().isSeeOther();

        // And a valid token without a role that has pages (a team's) does not sign in either
        http.post().uri("/signin").cookie(COOKIE, browser.session())
                .body(BodyInserters.fromFormData("token", "demo-enfants").with("_csrf", browser.csrf()))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).value(page -> assertThat(page).contains("ne donne accès à aucune page réservée"));
        http.get().uri("/live").cookie(COOKIE, browser.session()).exchange().expectStatus().isSeeOther();
    }

    @Test
    void theRightTokenSignsInWithANewSecureHttpOnlyStrictSessionCookie() {
        Browser browser = openSignInForm();

        // When the web team signs in
        EntityExchangeResult<Void> signedIn = http.post().uri("/signin").cookie(COOKIE, browser.session())
                .body(BodyInserters.fromFormData("token", "  demo-webteam\n").with("_csrf", browser.csrf()).with("next", "/live"))
                .exchange()
                // Then it goes on to the page it came for, with a new session cookie
                .expectStatus().isSeeOther()
                .expectHeader().location("/live")
                .expectBody().isEmpty();
        ResponseCookie cookie = signedIn.getResponseCookies().getFirst(COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getValue()).isNotEqualTo(browser.session());

        // And the live view is there for it, with who is signed in and a sign-out form
        String live = http.get().uri("/live").cookie(COOKIE, cookie.getValue()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(live).contains("Reconstructions en direct", "demo-webteam", "action=\"/signout\"", "/ui/live.js")
                .containsSubsequence("/ui/notices.js", "/ui/live.js");
        String csrfAfter = csrfIn(live);
        assertThat(csrfAfter).isNotEqualTo(browser.csrf());

        // And the stream takes the session instead of a bearer token
        try (SseRecorder stream = SseRecorder.open("http://localhost:" + port, "/api/live",
                headers -> headers.add(HttpHeaders.COOKIE, COOKIE + "=" + cookie.getValue()))) {
            assertThat(stream.comments()).isNotEmpty();
        }

        // But the session id from before signing in is worth nothing (no fixation)
        http.get().uri("/live").cookie(COOKIE, browser.session()).exchange().expectStatus().isSeeOther();
        // And the web team is not an operator
        http.get().uri("/ops").cookie(COOKIE, cookie.getValue()).exchange().expectStatus().isForbidden();

        // When it signs out, Then the session is gone and its cookie expired
        http.post().uri("/signout").cookie(COOKIE, cookie.getValue())
                .body(BodyInserters.fromFormData("_csrf", csrfAfter))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/signin?signedOut")
                .expectCookie().maxAge(COOKIE, Duration.ZERO);
        http.get().uri("/live").cookie(COOKIE, cookie.getValue()).exchange().expectStatus().isSeeOther();
        http.get().uri("/api/live").cookie(COOKIE, cookie.getValue()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Browser browser = openSignInForm();

        // Without the token, with another one, or without the session at all: 403, nobody signed in
        http.post().uri("/signin").cookie(COOKIE, browser.session())
                .body(BodyInserters.fromFormData("token", "demo-webteam"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).value(page -> assertThat(page).contains("Demande refusée"));
        http.post().uri("/signin").cookie(COOKIE, browser.session())
                .body(BodyInserters.fromFormData("token", "demo-webteam").with("_csrf", browser.csrf() + "x"))
                .exchange()
                .expectStatus().isForbidden();
        http.post().uri("/signin")
                .body(BodyInserters.fromFormData("token", "demo-webteam").with("_csrf", browser.csrf()))
                .exchange()
                .expectStatus().isForbidden();
        http.get().uri("/live").cookie(COOKIE, browser.session()).exchange().expectStatus().isSeeOther();

        // Signing out without the token does not sign out
        String session = signIn("demo-operator");
        http.post().uri("/signout").cookie(COOKIE, session).body(BodyInserters.fromFormData("x", "y")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/ops").cookie(COOKIE, session).exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Opérations", "demo-operator"));
    }

    @Test
    void theBearerTokenOpensThePagesTooAndAWrongOneIsRefused() {
        http.get().uri("/ops").headers(h -> h.setBearerAuth("demo-operator")).exchange().expectStatus().isOk();
        http.get().uri("/live").headers(h -> h.setBearerAuth("demo-admin")).exchange().expectStatus().isOk();
        http.get().uri("/live").headers(h -> h.setBearerAuth("demo-enfants")).exchange().expectStatus().isForbidden();
        http.get().uri("/live").headers(h -> h.setBearerAuth("faux")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theReportTheApiAndActuatorNeverStartASession() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/2024/").exchange().expectStatus().isOk());
        http.get().uri("/2024/").exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        http.get().uri("/").exchange().expectStatus().isFound().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        http.get().uri("/api/editions/2024/chapters").exchange().expectStatus().isEqualTo(503)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        http.get().uri("/ui/gateway.css").exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    private Browser openSignInForm() {
        EntityExchangeResult<String> form = http.get().uri("/signin").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        ResponseCookie session = form.getResponseCookies().getFirst(COOKIE);
        assertThat(session).as("the form's session cookie").isNotNull();
        return new Browser(session.getValue(), csrfIn(form.getResponseBody()));
    }

    private String signIn(String token) {
        Browser browser = openSignInForm();
        return http.post().uri("/signin").cookie(COOKIE, browser.session())
                .body(BodyInserters.fromFormData("token", token).with("_csrf", browser.csrf()))
                .exchange().expectStatus().isSeeOther()
                .returnResult(Void.class).getResponseCookies().getFirst(COOKIE).getValue();
    }

    private static String csrfIn(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
