package org.reportplatform.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.Browser;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.StubService.Received;
import org.reportplatform.gateway.testing.TestAccounts;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.SecondFactors;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.SseRecorder;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.PersonalTokenState;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signing in as a person, as a browser does it (outside the demo profile): the form, Spring
 * Security's CSRF token, the session cookie whose session lives in Kafka, sign-out, a second
 * factor, lockout after repeated failures, personal tokens for the API. The accounts and tokens
 * are put on their topics directly, as content-service writes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class SigningInTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    static final StubService content = StubService.start();
    static TopicPublisher publisher;

    private static final String PASSWORD = "un mot de passe assez long";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        kafka.register(registry);
        registry.add("report.gateway.content-uri", content::uri);
    }

    @BeforeAll
    static void accountsAndAPageArePublished() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        publisher = new TopicPublisher(kafka.bootstrapServers());
        publisher.publish(Topics.PAGES.name(), "/2024/", html("/2024/", "<h1>Rapport annuel 2024</h1>"));
        TestAccounts.publish(publisher, "sofia", 1, TestAccounts.account("sofia.rossi@example.org", "Sofia Rossi", PASSWORD, "webteam").build());
        TestAccounts.publish(publisher, "amina", 1, TestAccounts.account("amina@example.org", "Amina Diallo", PASSWORD, "member")
                .setTeams(List.of("enfants")).build());
        TestAccounts.publish(publisher, "invited", 1, TestAccounts.account("invited@example.org", "Pas encore", null, "webteam").build());
    }

    @AfterAll
    static void close() {
        publisher.close();
        content.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    CallerAssertions assertions;

    @Autowired
    AccountsView accounts;

    @LocalServerPort
    int port;

    @Test
    void thePagesSendAnonymousBrowsersToTheSignInFormWhichAsksForEmailAndPassword() {
        for (String page : List.of("/live", "/ops", "/account", "/admin/accounts")) {
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
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"))
                .expectBody(String.class).returnResult();
        assertThat(form.getResponseBody()).contains("<form method=\"post\" action=\"/signin\"", "name=\"username\"",
                "name=\"password\" type=\"password\"", "name=\"next\" value=\"/live\"", "name=\"_csrf\"");
        // Spring Security's CSRF token: its secret in an HttpOnly cookie, the masked token in the form
        ResponseCookie csrfCookie = form.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrfCookie).isNotNull();
        assertThat(csrfCookie.isHttpOnly()).isTrue();
        // A next page that is not the gateway's is dropped (no open redirect)
        http.get().uri("/signin?next=https://evil.example").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).doesNotContain("evil"));
    }

    @Test
    void thePasswordSignsInWithASessionCookieAndTheSessionOpensThePagesUntilSignOut() {
        Browser browser = new Browser(http);

        // When the web team signs in with email (any case) and password
        EntityExchangeResult<String> signedIn = browser.signIn("Sofia.Rossi@Example.org", PASSWORD, "/live");

        // Then it goes on to the page it came for, with a session cookie
        assertThat(signedIn.getStatus().value()).isEqualTo(303);
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/live");
        ResponseCookie cookie = signedIn.getResponseCookies().getFirst(Browser.SESSION);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        // Secure everywhere but localhost (this test's host)
        assertThat(cookie.isSecure()).isFalse();
        assertThat(cookie.getMaxAge()).isBetween(Duration.ofHours(8).minusMinutes(1), Duration.ofHours(8));
        assertThat(cookie.getValue()).hasSize(43);

        // And the session is in Kafka, keyed by the SHA-256 of the cookie, never the cookie itself
        List<String> keys = new TopicReader(kafka.bootstrapServers()).records(Topics.SESSIONS).stream().map(r -> r.key()).toList();
        assertThat(keys).contains(DemoTokens.sha256Hex(cookie.getValue())).doesNotContain(cookie.getValue());

        // And the live view is there for her, with her name and a sign-out form
        EntityExchangeResult<String> live = browser.get("/live");
        assertThat(live.getStatus().value()).isEqualTo(200);
        assertThat(live.getResponseBody()).contains("Reconstructions en direct", "Sofia Rossi", "action=\"/signout\"");
        // And the stream takes the session
        try (SseRecorder stream = SseRecorder.open("http://localhost:" + port, "/api/live",
                headers -> headers.add(HttpHeaders.COOKIE, Browser.SESSION + "=" + cookie.getValue()))) {
            assertThat(stream.comments()).isNotEmpty();
        }
        // But the web team is not an operator: the French 403 page
        EntityExchangeResult<String> ops = browser.get("/ops");
        assertThat(ops.getStatus().value()).isEqualTo(403);
        assertThat(ops.getResponseBody()).contains("Accès réservé", "Sofia Rossi");

        // When she signs out (with the page's CSRF token)
        EntityExchangeResult<String> out = browser.post("/signout", form("_csrf", browser.csrf()));
        assertThat(out.getStatus().value()).isEqualTo(303);
        assertThat(out.getResponseHeaders().getLocation()).hasToString("/signin?signedOut");
        assertThat(out.getResponseCookies().getFirst(Browser.SESSION).getMaxAge()).isZero();

        // Then the old cookie is worth nothing any more
        http.get().uri("/live").cookie(Browser.SESSION, cookie.getValue()).exchange().expectStatus().isSeeOther();
        http.get().uri("/api/live").cookie(Browser.SESSION, cookie.getValue()).exchange().expectStatus().isUnauthorized();
        assertThat(new TopicReader(kafka.bootstrapServers()).records(Topics.SESSIONS).stream()
                .filter(r -> r.key().equals(DemoTokens.sha256Hex(cookie.getValue())) && r.value() == null)).hasSize(1);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswerAndStartNoSession() {
        int sessionsBefore = new TopicReader(kafka.bootstrapServers()).records(Topics.SESSIONS).size();

        EntityExchangeResult<String> wrongPassword = new Browser(http).signIn("amina@example.org", "pas le bon", "/account");
        EntityExchangeResult<String> unknownEmail = new Browser(http).signIn("personne@example.org", "pas le bon", "/account");
        EntityExchangeResult<String> noPasswordYet = new Browser(http).signIn("invited@example.org", "", "/account");

        for (EntityExchangeResult<String> refused : List.of(wrongPassword, unknownEmail, noPasswordYet)) {
            assertThat(refused.getStatus().value()).isEqualTo(401);
            assertThat(refused.getResponseCookies().getFirst(Browser.SESSION)).isNull();
            assertThat(refused.getResponseBody()).contains("Adresse e-mail ou mot de passe incorrect.", "aria-invalid=\"true\"")
                    .doesNotContain("pas le bon");
        }
        assertThat(wrongPassword.getResponseBody().replaceAll("value=\"[^\"]*\"", ""))
                .isEqualTo(unknownEmail.getResponseBody().replaceAll("value=\"[^\"]*\"", ""));
        assertThat(new TopicReader(kafka.bootstrapServers()).records(Topics.SESSIONS)).hasSize(sessionsBefore);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Browser browser = new Browser(http);
        browser.get("/signin");

        // Without the token, with a wrong one, or without the CSRF cookie: 403, nobody signed in
        EntityExchangeResult<String> without = browser.post("/signin", form("username", "amina@example.org", "password", PASSWORD));
        assertThat(without.getStatus().value()).isEqualTo(403);
        assertThat(without.getResponseBody()).contains("Demande refusée");
        assertThat(without.getResponseCookies().getFirst(Browser.SESSION)).isNull();
        assertThat(browser.post("/signin", form("username", "amina@example.org", "password", PASSWORD, "_csrf", "faux"))
                .getStatus().value()).isEqualTo(403);
        http.post().uri("/signin").body(org.springframework.web.reactive.function.BodyInserters.fromFormData(
                form("username", "amina@example.org", "password", PASSWORD, "_csrf", browser.csrf())))
                .exchange().expectStatus().isForbidden();

        // Signing out without the token does not sign out
        Browser signedIn = new Browser(http);
        signedIn.signIn("amina@example.org", PASSWORD, null);
        assertThat(signedIn.post("/signout", form("x", "y")).getStatus().value()).isEqualTo(403);
        EntityExchangeResult<String> account = signedIn.get("/account");
        assertThat(account.getStatus().value()).isNotIn(303, 401, 403);
    }

    @Test
    void aMemberGoesToTheAccountPageAndDisablingTheAccountEndsItsSessionsAndTokensAtTheNextRequest() {
        // Given a member signed in, with a personal token
        TestAccounts.publish(publisher, "paul", 1, TestAccounts.account("paul@example.org", "Paul Girard", PASSWORD, "member")
                .setTeams(List.of("defenseurs")).build());
        String token = "rpt_00000000000000aa_" + "s".repeat(43);
        TestAccounts.publishToken(publisher, "00000000000000aa", 1, token("paul", "script", token, Instant.now().plus(30, ChronoUnit.DAYS), null));
        await().atMost(Duration.ofSeconds(10)).until(() -> accounts.account("paul").isPresent());
        Browser browser = new Browser(http);
        EntityExchangeResult<String> signedIn = browser.signIn("paul@example.org", PASSWORD, null);
        assertThat(signedIn.getResponseHeaders().getLocation()).hasToString("/account");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/editions/2024/chapters")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk());

        // When an admin disables the account
        TestAccounts.publish(publisher, "paul", 2, TestAccounts.account("paul@example.org", "Paul Girard", PASSWORD, "member")
                .setDisabled(true).setSessionsValidAfter(Instant.now()).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> accounts.account("paul").map(AccountState::getDisabled).orElse(false));

        // Then the session opens nothing any more, the token neither, and the password no more
        http.get().uri("/account").cookie(Browser.SESSION, browser.session()).exchange()
                .expectStatus().isSeeOther().expectHeader().location("/signin?next=/account");
        http.get().uri("/api/editions/2024/chapters").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new Browser(http).signIn("paul@example.org", PASSWORD, null).getStatus().value()).isEqualTo(401);
    }

    @Test
    void aPersonalTokenReachesTheServiceAsAnAssertionNamingItsOwnerAndARevokedOrExpiredOneIsRefused() {
        String valid = "rpt_00000000000000b1_" + "v".repeat(43);
        String revoked = "rpt_00000000000000b2_" + "r".repeat(43);
        String expired = "rpt_00000000000000b3_" + "e".repeat(43);
        TestAccounts.publishToken(publisher, "00000000000000b1", 1, token("amina", "export", valid, Instant.now().plus(1, ChronoUnit.DAYS), null));
        TestAccounts.publishToken(publisher, "00000000000000b2", 2, token("amina", "old", revoked, Instant.now().plus(1, ChronoUnit.DAYS), Instant.now()));
        TestAccounts.publishToken(publisher, "00000000000000b3", 1, token("amina", "past", expired, Instant.now().minusSeconds(1), null));
        content.reset();

        // When a script reads with the valid token
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/editions/2024/chapters")
                .headers(h -> h.setBearerAuth(valid)).exchange().expectStatus().isOk());

        // Then the service gets the gateway's assertion naming the owner and the token, never the token
        Received received = content.received().get(content.received().size() - 1);
        String authorization = received.header(HttpHeaders.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ").doesNotContain(valid);
        Caller caller = CallerAssertions.callerOf(assertions.decoder().decode(authorization.substring(7)).block());
        assertThat(caller.accountId()).isEqualTo("amina");
        assertThat(caller.displayName()).isEqualTo("Amina Diallo");
        assertThat(caller.teams()).containsExactly("enfants");
        assertThat(caller.token()).isEqualTo("export");

        // And a revoked, an expired, a wrong-secret and an unknown token are refused with a 401 problem
        for (String refused : List.of(revoked, expired, "rpt_00000000000000b1_" + "x".repeat(43), "rpt_ffffffffffffffff_abc", "n'importe quoi")) {
            http.get().uri("/api/editions/2024/chapters").header(HttpHeaders.AUTHORIZATION, "Bearer " + refused).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        // And a public read without any credentials goes on as it came
        content.reset();
        http.get().uri("/api/editions/2024/chapters").exchange().expectStatus().isOk();
        assertThat(content.received().get(0).header(HttpHeaders.AUTHORIZATION)).isNull();
    }

    @Test
    void aSessionsApiRequestCarriesAnAssertionAndItsWritesNeedTheCsrfToken() {
        Browser browser = new Browser(http);
        browser.signIn("amina@example.org", PASSWORD, null);
        content.reset();

        // A read with the session: the assertion, no gateway cookie
        http.get().uri("/api/me").cookie(Browser.SESSION, browser.session()).cookie("other", "kept").exchange().expectStatus().isOk();
        Received read = content.received().get(0);
        assertThat(CallerAssertions.callerOf(assertions.decoder().decode(read.header(HttpHeaders.AUTHORIZATION).substring(7)).block())
                .accountId()).isEqualTo("amina");
        assertThat(read.header(HttpHeaders.COOKIE)).isEqualTo("other=kept");

        // A write with the session but without the CSRF token: refused before the service
        content.reset();
        http.post().uri("/api/me/tokens").cookie(Browser.SESSION, browser.session()).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CSRF"));
        assertThat(content.received()).isEmpty();

        // With the token of a page of the gateway's (in X-CSRF-TOKEN, as scripts send it), it goes through
        browser.get("/signin");
        http.post().uri("/api/me/tokens").cookie(Browser.SESSION, browser.session()).cookie("XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .header("X-CSRF-TOKEN", browser.csrf()).exchange()
                .expectStatus().isOk();
        Received posted = content.received().get(0);
        assertThat(posted.header(HttpHeaders.AUTHORIZATION)).startsWith("Bearer ey");
        assertThat(posted.header(HttpHeaders.COOKIE)).isNull();
    }

    @Test
    void repeatedFailuresLockTheEmailOutWith429WhetherItExistsOrNot() {
        for (String email : List.of("amina-lock@example.org", "nobody-lock@example.org")) {
            if (email.startsWith("amina")) {
                TestAccounts.publish(publisher, "amina-lock", 1, TestAccounts.account(email, "Amina Bis", PASSWORD, "member").build());
                await().atMost(Duration.ofSeconds(10)).until(() -> accounts.idOfEmail(email).isPresent());
            }
            for (int attempt = 0; attempt < 5; attempt++) {
                long started = System.nanoTime();
                assertThat(new Browser(http).signIn(email, "faux " + attempt, null).getStatus().value()).isEqualTo(401);
                // slowed: never answered at once
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
            }
            // Then even the right password is refused for the rest of the window
            EntityExchangeResult<String> locked = new Browser(http).signIn(email, PASSWORD, null);
            assertThat(locked.getStatus().value()).isEqualTo(429);
            assertThat(Long.parseLong(locked.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 15 * 60L);
            assertThat(locked.getResponseBody()).contains("Trop de tentatives");
            assertThat(locked.getResponseCookies().getFirst(Browser.SESSION)).isNull();
        }
    }

    @Test
    void anAccountWithASecondFactorSignsInWithTheCodeOfItsApp() throws Exception {
        // Given an operator with a confirmed second factor
        String secret = secondFactors.newEncryptedSecret();
        TestAccounts.publish(publisher, "marc", 1, TestAccounts.account("marc@example.org", "Marc Lefèvre", PASSWORD, "operator")
                .setSecondFactor(TestAccounts.secondFactor(secret)).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> accounts.account("marc").isPresent());

        // When he gives the right password
        Browser browser = new Browser(http);
        EntityExchangeResult<String> password = browser.signIn("marc@example.org", PASSWORD, "/ops");

        // Then he is asked for the code, and nothing else is open yet
        assertThat(password.getResponseHeaders().getLocation()).hasToString("/signin/code?next=/ops");
        String pending = browser.session();
        assertThat(browser.get("/ops").getResponseHeaders().getLocation()).hasToString("/signin/code");
        EntityExchangeResult<String> codePage = browser.get("/signin/code?next=/ops");
        assertThat(codePage.getResponseBody()).contains("Code à 6 chiffres de votre application");

        // A wrong code is refused
        EntityExchangeResult<String> wrong = browser.post("/signin/code", form("code", "000000", "_csrf", browser.csrf(), "next", "/ops"));
        assertThat(wrong.getStatus().value()).isEqualTo(401);
        assertThat(wrong.getResponseBody()).contains("Ce code n’est pas valide");

        // When he types the current code of his app
        String code = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secondFactors.secretForManualEntry(secret),
                Instant.now().getEpochSecond() / 30);
        EntityExchangeResult<String> done = browser.post("/signin/code", form("code", code, "_csrf", browser.csrf(), "next", "/ops"));

        // Then a new session opens the operations page; the pending one is gone
        assertThat(done.getStatus().value()).isEqualTo(303);
        assertThat(done.getResponseHeaders().getLocation()).hasToString("/ops");
        assertThat(browser.session()).isNotEqualTo(pending);
        assertThat(browser.get("/ops").getStatus().value()).isEqualTo(200);
        http.get().uri("/ops").cookie(Browser.SESSION, pending).exchange().expectStatus().isSeeOther()
                .expectHeader().location("/signin?next=/ops");
    }

    @Test
    void anAdminWithoutASecondFactorIsSentToEnrolAndMayDoNothingElse() {
        TestAccounts.publish(publisher, "claire", 1, TestAccounts.account("claire@example.org", "Claire Dubois", PASSWORD, "admin").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> accounts.account("claire").isPresent());
        Browser browser = new Browser(http);
        assertThat(browser.signIn("claire@example.org", PASSWORD, "/live").getResponseHeaders().getLocation())
                .hasToString("/account/second-factor");
        assertThat(browser.get("/live").getResponseHeaders().getLocation()).hasToString("/account/second-factor");
        http.get().uri("/api/ops/dead-letters").cookie(Browser.SESSION, browser.session()).exchange().expectStatus().isForbidden();
    }

    @Test
    void absurdlyLargeCookiesAndHeadersGetA4xxNotA500() {
        http.get().uri("/live").cookie(Browser.SESSION, "x".repeat(100_000)).exchange()
                .expectStatus().value(status -> assertThat(status).isBetween(400, 499));
        http.get().uri("/api/live").header(HttpHeaders.AUTHORIZATION, "Bearer " + "a".repeat(60_000)).exchange()
                .expectStatus().value(status -> assertThat(status).isBetween(400, 499));
        // A malformed session cookie of ordinary size is simply nobody
        http.get().uri("/live").cookie(Browser.SESSION, "pas-une-session").exchange().expectStatus().isSeeOther();
    }

    @Test
    void theReportAndActuatorNeverMeetTheSecurityChain() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/2024/").exchange().expectStatus().isOk());
        http.get().uri("/2024/").exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectHeader().doesNotExist("X-Frame-Options");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        http.get().uri("/ui/gateway.css").exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    private static PersonalTokenState token(String owner, String name, String token, Instant expiresAt, Instant revokedAt) {
        return PersonalTokenState.newBuilder().setAccountId(owner).setName(name).setSecretHash(DemoTokens.sha256Hex(token))
                .setCreatedAt(Instant.now().minusSeconds(60)).setExpiresAt(expiresAt).setRevokedAt(revokedAt).build();
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
