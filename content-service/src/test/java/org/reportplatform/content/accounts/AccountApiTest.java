package org.reportplatform.content.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.security.SecurityProperties;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.PersonalTokenChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The accounts and personal tokens API over real HTTP, every change on a real broker. People sign
 * in at the gateway, which sends the services a signed assertion of who is asking: the test mints
 * those itself (a session has no token name). Demo tokens stand for requests made with an API token.
 * Every test invites people of its own, so the tests share one context without sharing state;
 * only {@link #theLastEnabledAdminCannotBeDisabledNorLoseTheAdminRole} relies on demo-admin being
 * the only admin, so no other test creates one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class AccountApiTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    MutableClock clock;

    @Autowired
    SecurityProperties security;

    @Autowired
    PasswordEncoder passwords;

    private static final Caller ADMIN = new Caller("demo-admin", "Claire Dubois", Set.of(Role.ADMIN), Set.of(), null);
    private static final Caller MEMBER = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);
    private static final Caller WEBTEAM = new Caller("demo-webteam", "Sofia Rossi", Set.of(Role.WEBTEAM), Set.of(), null);
    private static final Caller OPERATOR = new Caller("demo-operator", "Marc Lefèvre", Set.of(Role.OPERATOR), Set.of(), null);

    @Test
    void aPersonInvitedByAnAdminSetsAPasswordWithTheLinkOnce() {
        // Given an admin invites a person
        String email = unique("nadia") + "@example.org";
        Map<String, Object> created = invite(email, "Nadia Haddad", List.of("member"), List.of("violences-policieres"));
        Map<String, Object> account = map(created.get("account"));
        Map<String, Object> invitation = map(created.get("invitation"));
        String id = (String) account.get("id");
        String token = (String) invitation.get("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(invitation.get("path")).isEqualTo("/invitation/" + token);
        assertThat(Instant.parse((String) invitation.get("expiresAt"))).isEqualTo(events(id).get(0).getAccount().getInvitation().getExpiresAt())
                .isEqualTo(events(id).get(0).getAccount().getSessionsValidAfter().plus(Duration.ofHours(72)));
        assertThat(account).containsEntry("hasPassword", false).containsEntry("secondFactor", "none")
                .containsEntry("updatedByName", "Claire Dubois");

        // When the person opens the link and sets a password
        http.get().uri("/api/invitations/" + token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email).jsonPath("$.displayName").isEqualTo("Nadia Haddad");
        http.post().uri("/api/invitations/" + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "un mot de passe assez long")).exchange().expectStatus().isNoContent();

        // Then the account has a bcrypt hash of it, no invitation any more, and the link is used up
        AccountChanged latest = events(id).get(events(id).size() - 1);
        assertThat(latest.getAccount().getPasswordHash()).startsWith("{bcrypt}");
        assertThat(passwords.matches("un mot de passe assez long", latest.getAccount().getPasswordHash())).isTrue();
        assertThat(latest.getAccount().getInvitation()).isNull();
        get(ADMIN, "/api/accounts/" + id).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.hasPassword").isEqualTo(true).jsonPath("$.invitationExpiresAt").doesNotExist();
        http.get().uri("/api/invitations/" + token).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/invitations/" + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "un autre mot de passe long")).exchange().expectStatus().isNotFound();
        assertThat(events(id)).hasSize(2);

        // And the history names who made each change
        get(ADMIN, "/api/accounts/" + id + "/revisions").expectStatus().isOk().expectBody()
                .jsonPath("$[*].updatedByName").isEqualTo(List.of("Claire Dubois", "Nadia Haddad"))
                .jsonPath("$[1].changed").value(changed -> assertThat((List<Object>) changed).contains("passwordHash", "invitation"));
    }

    @Test
    void anExpiredLinkIsNotFoundLikeAnUnknownOne() {
        // Given an invitation
        String id = idOf(invite(unique("late") + "@example.org", "Paul Tardif", List.of("member"), List.of("enfants")));
        String token = tokenOf(resetPassword(id));
        int before = events(id).size();

        // When 73 hours pass (it is valid 72)
        clock.advance(Duration.ofHours(73));

        // Then the link is a 404 with the same message as a link that never existed, and changes nothing
        String expired = http.get().uri("/api/invitations/" + token).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        String unknown = http.get().uri("/api/invitations/" + "x".repeat(43)).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(detail(expired)).isEqualTo(detail(unknown));
        http.post().uri("/api/invitations/" + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "un mot de passe assez long")).exchange().expectStatus().isNotFound();
        assertThat(events(id)).hasSize(before);
    }

    @Test
    void aPasswordOutsideThePolicyIsRefusedNamingThePassword() {
        // Given an invitation for jeanne.martin@example.org
        String email = unique("jeanne.martin") + "@example.org";
        Map<String, Object> created = invite(email, "Jeanne Martin", List.of("member"), List.of("femmes"));
        String token = tokenOf(map(created.get("invitation")));
        String id = idOf(created);

        // When the password is too short, too long, or contains the email's name
        // Then each is a 400 naming password, and nothing is published
        for (String password : List.of("court", "x".repeat(129), "mon-" + email.substring(0, email.indexOf('@')).toUpperCase() + "-2025!")) {
            http.post().uri("/api/invitations/" + token).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("password", password)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        }
        http.post().uri("/api/invitations/" + token).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void anAdminChangesRolesAndTeamsAndDisablingEndsTheSessions() {
        // Given an invited member
        String id = idOf(invite(unique("karim") + "@example.org", "Karim Mansour", List.of("member"), List.of("migrants")));

        // When an admin changes roles and teams, then disables the account
        patch(ADMIN, id, Map.of("roles", List.of("reviewer", "MEMBER"), "teams", List.of("migrants", "enfants")), "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("member", "reviewer"))
                .jsonPath("$.teams").isEqualTo(List.of("enfants", "migrants"));
        clock.advance(Duration.ofMinutes(5));
        Instant disabledAt = clock.instant();
        patch(ADMIN, id, Map.of("disabled", true), null).expectStatus().isOk().expectBody().jsonPath("$.disabled").isEqualTo(true);

        // Then sessions started before that instant are worth nothing, and a stale If-Match is refused
        AccountChanged latest = events(id).get(2);
        assertThat(latest.getAccount().getSessionsValidAfter()).isEqualTo(disabledAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(latest.getMetadata().getActorName()).isEqualTo("Claire Dubois");
        patch(ADMIN, id, Map.of("disabled", false), "\"1\"").expectStatus().isEqualTo(412);
        assertThat(events(id)).hasSize(3);
    }

    @Test
    void anIdentityProvidersPersonGetsAnAccountKeptToTheirGroups() {
        Caller gateway = new Caller("system:identity-provider", "Fournisseur d’identité", Set.of(Role.ADMIN), Set.of(), null);
        String email = unique("ines") + "@ngo.example";

        // When the gateway provisions a person at their first sign-in
        Map<String, Object> first = put(gateway, "/api/accounts/external", Map.of("identityProvider", "organisation",
                "email", email.toUpperCase(), "displayName", "Inès Benali", "roles", List.of("member"), "teams", List.of("defenseurs")))
                .expectStatus().isCreated().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        String id = (String) first.get("id");

        // Then the account has no password, the provider, and the mapped teams
        assertThat(first).containsEntry("email", email).containsEntry("identityProvider", "organisation")
                .containsEntry("hasPassword", false).containsEntry("teams", List.of("defenseurs"));

        // When they sign in again with the same groups: nothing is written; with new groups: the account follows
        put(gateway, "/api/accounts/external", Map.of("identityProvider", "organisation", "email", email,
                "displayName", "Inès Benali", "roles", List.of("member"), "teams", List.of("defenseurs")))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
        put(gateway, "/api/accounts/external", Map.of("identityProvider", "organisation", "email", email,
                "displayName", "Inès Benali", "roles", List.of("member", "reviewer"), "teams", List.of("defenseurs", "femmes")))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(2)
                .jsonPath("$.roles").isEqualTo(List.of("member", "reviewer"));
        assertThat(events(id)).hasSize(2);
        assertThat(events(id).get(0).getMetadata().getActor()).isEqualTo("system:identity-provider");

        // And the email of a password account is refused, as is a member provisioning anyone
        String password = unique("paul") + "@example.org";
        invite(password, "Paul Girard", List.of("member"), List.of("enfants"));
        put(gateway, "/api/accounts/external", Map.of("identityProvider", "organisation", "email", password,
                "displayName", "Paul", "roles", List.of("admin"), "teams", List.of()))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        put(MEMBER, "/api/accounts/external", Map.of("identityProvider", "organisation", "email", unique("x") + "@ngo.example",
                "displayName", "X", "roles", List.of("admin"), "teams", List.of()))
                .expectStatus().isForbidden();
        assertThat(accountIdOfEmail(password)).hasValueSatisfying(other -> assertThat(events(other)).hasSize(1));
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledNorLoseTheAdminRole() {
        // Given demo-admin is the only enabled admin
        int before = events("demo-admin").size();

        // When an admin tries to disable it or take its admin role
        // Then each is a 409 with the reason, and nothing changes
        patch(ADMIN, "demo-admin", Map.of("disabled", true), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("last enabled admin"))
                .jsonPath("$.errors[0].field").isEqualTo("disabled");
        patch(ADMIN, "demo-admin", Map.of("roles", List.of("member")), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
        assertThat(events("demo-admin")).hasSize(before);
    }

    @Test
    void whoMayNotAdministerAccountsIsRefusedAndNothingChanges() {
        String id = idOf(invite(unique("lea") + "@example.org", "Léa Mercier", List.of("member"), List.of("enfants")));
        int accountEvents = allAccountEvents();

        // A member, the web team and an operator: 403 on every admin endpoint
        for (Caller caller : List.of(MEMBER, WEBTEAM, OPERATOR)) {
            get(caller, "/api/accounts").expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            get(caller, "/api/accounts/" + id).expectStatus().isForbidden();
            get(caller, "/api/accounts/" + id + "/revisions").expectStatus().isForbidden();
            post(caller, "/api/accounts", Map.of("email", unique("x") + "@example.org", "displayName", "X", "roles", List.of("admin")))
                    .expectStatus().isForbidden();
            patch(caller, id, Map.of("roles", List.of("admin")), null).expectStatus().isForbidden();
            post(caller, "/api/accounts/" + id + ":reset-password", null).expectStatus().isForbidden();
            post(caller, "/api/accounts/" + id + ":reset-second-factor", null).expectStatus().isForbidden();
        }
        // An admin's API token may read, but not create or change accounts
        http.get().uri("/api/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin").exchange().expectStatus().isOk();
        http.post().uri("/api/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", unique("y") + "@example.org", "displayName", "Y", "roles", List.of("member")))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("API token"));
        http.post().uri("/api/accounts/" + id + ":reset-password").header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin")
                .exchange().expectStatus().isForbidden();
        // Without any identity: 401
        http.get().uri("/api/accounts").exchange().expectStatus().isUnauthorized();
        // An unknown account: 404; bad input: 400 naming each field; a taken email (any case): 409
        patch(ADMIN, "nobody-here", Map.of("disabled", true), null).expectStatus().isNotFound();
        post(ADMIN, "/api/accounts/nobody-here:reset-password", null).expectStatus().isNotFound();
        post(ADMIN, "/api/accounts", Map.of("email", "pas une adresse", "displayName", " ", "roles", List.of("chef"), "teams", List.of("A B")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field")
                .isEqualTo(List.of("email", "displayName", "roles", "teams"));
        String taken = (String) map(get(ADMIN, "/api/accounts/" + id).expectBody(Map.class).returnResult().getResponseBody()).get("email");
        post(ADMIN, "/api/accounts", Map.of("email", taken.toUpperCase(), "displayName", "Double", "roles", List.of("member")))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("email");

        // Then the accounts topic holds nothing new
        assertThat(allAccountEvents()).isEqualTo(accountEvents);
    }

    @Test
    void aPersonSeesTheirOwnAccountButNotAnothers() {
        get(MEMBER, "/api/me").expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo("demo-enfants").jsonPath("$.email").isEqualTo("enfants@example.org")
                .jsonPath("$.passwordHash").doesNotExist();
        get(MEMBER, "/api/accounts/demo-enfants").expectStatus().isOk();
        get(MEMBER, "/api/accounts/demo-femmes").expectStatus().isForbidden();
        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer demo-enfants").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Amina Diallo");
    }

    @Test
    void personalTokensAreShownOnceStoredHashedListedAndRevocable() {
        // Given a signed-in member creates a token
        Map<String, Object> created = map(post(MEMBER, "/api/me/tokens", Map.of("name", "import des chiffres", "expiresInDays", 30))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        String id = (String) created.get("id");
        String token = (String) created.get("token");

        // Then it is rpt_<id>_<secret>, and the log keeps only the SHA-256 of the whole token
        assertThat(token).matches("rpt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}").startsWith("rpt_" + id + "_");
        assertThat(Instant.parse((String) created.get("expiresAt"))).isEqualTo(tokenEvents(id).get(0).getToken().getCreatedAt().plus(Duration.ofDays(30)));
        PersonalTokenChanged event = tokenEvents(id).get(0);
        assertThat(event.getToken().getSecretHash()).isEqualTo(DemoTokens.sha256Hex(token));
        assertThat(event.getToken().getAccountId()).isEqualTo("demo-enfants");
        assertThat(event.getMetadata().getActorName()).isEqualTo("Amina Diallo");

        // And the list shows it without the token or its hash
        get(MEMBER, "/api/me/tokens").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].name").isEqualTo(List.of("import des chiffres"))
                .jsonPath("$[?(@.id == '" + id + "')].token").isEmpty()
                .jsonPath("$[?(@.id == '" + id + "')].secretHash").isEmpty()
                .jsonPath("$[?(@.id == '" + id + "')].accountId").isEmpty();

        // Someone else cannot revoke it (404, as an unknown token); its owner can
        delete(WEBTEAM, "/api/me/tokens/" + id).expectStatus().isNotFound();
        delete(MEMBER, "/api/accounts/demo-enfants/tokens/" + id).expectStatus().isNoContent();
        assertThat(tokenEvents(id)).hasSize(2);
        assertThat(tokenEvents(id).get(1).getToken().getRevokedAt()).isNotNull();
        get(MEMBER, "/api/me/tokens").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].revokedAt").isNotEmpty();
        // Revoking twice changes nothing
        delete(MEMBER, "/api/me/tokens/" + id).expectStatus().isNoContent();
        assertThat(tokenEvents(id)).hasSize(2);
    }

    @Test
    void anAdminRevokesAnyonesTokenAndBadRequestsAreNamed() {
        String id = (String) map(post(WEBTEAM, "/api/me/tokens", Map.of("name", "tableau de bord"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()).get("id");
        assertThat(tokenEvents(id).get(0).getToken().getExpiresAt())
                .isEqualTo(tokenEvents(id).get(0).getToken().getCreatedAt().plus(Duration.ofDays(90)));

        delete(MEMBER, "/api/accounts/demo-webteam/tokens/" + id).expectStatus().isForbidden();
        delete(ADMIN, "/api/accounts/demo-enfants/tokens/" + id).expectStatus().isNotFound();
        delete(ADMIN, "/api/accounts/demo-webteam/tokens/" + id).expectStatus().isNoContent();
        assertThat(tokenEvents(id)).hasSize(2);

        post(WEBTEAM, "/api/me/tokens", Map.of("name", "x", "expiresInDays", 366)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("expiresInDays");
        post(WEBTEAM, "/api/me/tokens", Map.of("name", " ", "expiresInDays", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aRequestMadeWithATokenMayNotCreateTokensAccountsOrSecondFactors() {
        int tokens = new TopicReader(kafka.bootstrapServers()).values(Topics.PERSONAL_TOKENS).size();
        int accounts = allAccountEvents();

        for (String uri : List.of("/api/me/tokens", "/api/me/second-factor", "/api/me/second-factor:confirm")) {
            http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer demo-enfants").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "encore un", "code", "123456")).exchange()
                    .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // The gateway's assertion of a token request (token named) is refused the same way
        post(new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), "mon-script"), "/api/me/tokens",
                Map.of("name", "encore un")).expectStatus().isForbidden();

        assertThat(new TopicReader(kafka.bootstrapServers()).values(Topics.PERSONAL_TOKENS)).hasSize(tokens);
        assertThat(allAccountEvents()).isEqualTo(accounts);
    }

    @Test
    void aPersonEnrolsASecondFactorAndUsesARecoveryCodeOnce() {
        // Given a signed-in person with a password
        String email = unique("ines") + "@example.org";
        Map<String, Object> created = invite(email, "Inès Benali", List.of("member"), List.of("defenseurs"));
        String id = idOf(created);
        accept(tokenOf(map(created.get("invitation"))), "une phrase de passe solide");
        Caller person = new Caller(id, "Inès Benali", Set.of(Role.MEMBER), Set.of("defenseurs"), null);

        // When they start enrolment and confirm with a wrong, then the right code
        Map<String, Object> started = map(post(person, "/api/me/second-factor", null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
        assertThat((String) started.get("otpauthUri")).startsWith("otpauth://totp/");
        assertThat((String) started.get("qrCode")).startsWith("data:image/png;base64,");
        get(person, "/api/me").expectBody().jsonPath("$.secondFactor").isEqualTo("pending");
        post(person, "/api/me/second-factor:confirm", Map.of("code", "000000")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        List<?> codes = (List<?>) map(post(person, "/api/me/second-factor:confirm", Map.of("code", totp((String) started.get("secret"))))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()).get("recoveryCodes");

        // Then it is enrolled, with 10 recovery codes, each usable once
        assertThat(codes).hasSize(10);
        get(person, "/api/me").expectBody().jsonPath("$.secondFactor").isEqualTo("enrolled");
        post(person, "/api/me/recovery-codes:use", Map.of("code", codes.get(3))).expectStatus().isNoContent();
        post(person, "/api/me/recovery-codes:use", Map.of("code", codes.get(3))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        AccountChanged latest = events(id).get(events(id).size() - 1);
        assertThat(latest.getAccount().getSecondFactor().getRecoveryCodeHashes()).hasSize(9);

        // And an admin's reset removes it and ends the sessions
        Instant resetAt = clock.instant();
        post(ADMIN, "/api/accounts/" + id + ":reset-second-factor", null).expectStatus().isOk()
                .expectBody().jsonPath("$.secondFactor").isEqualTo("none");
        assertThat(events(id).get(events(id).size() - 1).getAccount().getSessionsValidAfter()).isAfterOrEqualTo(resetAt.minusMillis(1));
    }

    @Test
    void noSecretEverReachesTheTopicsInClear() {
        // Given an invitation accepted, a password reset, a token and a second factor
        String email = unique("fatou") + "@example.org";
        Map<String, Object> created = invite(email, "Fatou Sow", List.of("member"), List.of("partenaires-locaux"));
        String id = idOf(created);
        String invitation = tokenOf(map(created.get("invitation")));
        String password = "le secret de Fatou " + UUID.randomUUID();
        accept(invitation, password);
        String reset = tokenOf(resetPassword(id));
        String secondPassword = "un second secret " + UUID.randomUUID();
        accept(reset, secondPassword);
        Caller person = new Caller(id, "Fatou Sow", Set.of(Role.MEMBER), Set.of("partenaires-locaux"), null);
        String token = (String) map(post(person, "/api/me/tokens", Map.of("name", "script")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()).get("token");
        String totpSecret = (String) map(post(person, "/api/me/second-factor", null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()).get("secret");
        List<?> codes = (List<?>) map(post(person, "/api/me/second-factor:confirm", Map.of("code", totp(totpSecret)))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()).get("recoveryCodes");

        // When every record of both topics is read as raw bytes
        List<String> records = RawTopic.records(kafka.bootstrapServers(), Topics.ACCOUNTS.name());
        records.addAll(RawTopic.records(kafka.bootstrapServers(), Topics.PERSONAL_TOKENS.name()));

        // Then none holds a password, a link's token, an API token, the TOTP secret or a recovery code
        assertThat(records).isNotEmpty().anyMatch(r -> r.contains(id));
        // The token is rpt_{id}_{secret}; the secret is base64url and may itself hold '_', so split at most twice
        String tokenSecret = token.split("_", 3)[2];
        assertThat(tokenSecret).hasSize(43);
        List<String> secrets = new java.util.ArrayList<>(List.of(password, secondPassword, invitation, reset, token,
                tokenSecret, totpSecret));
        codes.forEach(code -> secrets.add((String) code));
        for (String secret : secrets) {
            assertThat(records).as("a record holding a secret").noneMatch(r -> r.contains(secret));
        }
    }

    @Test
    void theDemoAccountsExistWithTheDemoPassword() {
        List<Map<String, Object>> accounts = get(ADMIN, "/api/accounts").expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        assertThat(accounts).filteredOn(a -> ((String) a.get("id")).startsWith("demo-")).extracting(a -> a.get("email"))
                .contains("admin@example.org", "operator@example.org", "webteam@example.org", "enfants@example.org")
                .hasSize(security.demoTokens().size());
        AccountChanged enfants = events("demo-enfants").get(0);
        assertThat(enfants.getAccount().getDisplayName()).isEqualTo("Amina Diallo");
        assertThat(enfants.getAccount().getTeams()).containsExactly("enfants");
        assertThat(enfants.getAccount().getRoles()).containsExactly("member");
        assertThat(enfants.getMetadata().getActor()).isEqualTo("system:demo-loader");
        assertThat(passwords.matches("demo-password", enfants.getAccount().getPasswordHash())).isTrue();
        assertThat(events("demo-admin").get(0).getAccount().getRoles()).containsExactly("admin");
    }

    // --- helpers

    private Map<String, Object> invite(String email, String name, List<String> roles, List<String> teams) {
        return map(post(ADMIN, "/api/accounts", Map.of("email", email, "displayName", name, "roles", roles, "teams", teams))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    private Map<String, Object> resetPassword(String id) {
        return map(post(ADMIN, "/api/accounts/" + id + ":reset-password", null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private void accept(String token, String password) {
        http.post().uri("/api/invitations/" + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", password)).exchange().expectStatus().isNoContent();
    }

    private WebTestClient.ResponseSpec get(Caller caller, String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + assertion(caller)).exchange();
    }

    private WebTestClient.ResponseSpec delete(Caller caller, String uri) {
        return http.delete().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + assertion(caller)).exchange();
    }

    private WebTestClient.ResponseSpec post(Caller caller, String uri, Object body) {
        WebTestClient.RequestBodySpec request = http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + assertion(caller));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(Caller caller, String uri, Object body) {
        return http.put().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + assertion(caller))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private java.util.Optional<String> accountIdOfEmail(String email) {
        return get(ADMIN, "/api/accounts").expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
        }).returnResult().getResponseBody().stream().filter(a -> email.equals(a.get("email"))).map(a -> (String) a.get("id")).findFirst();
    }

    private WebTestClient.ResponseSpec patch(Caller caller, String id, Object body, String ifMatch) {
        WebTestClient.RequestBodySpec request = http.patch().uri("/api/accounts/" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + assertion(caller));
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** What the gateway sends for a signed-in person; minted on the real clock, whatever the test clock says. */
    private String assertion(Caller caller) {
        return new CallerAssertions(security, Clock.systemUTC()).mint(caller);
    }

    /** The current code of an authenticator app holding {@code secret}, at the service's (test) clock. */
    private String totp(String secret) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, clock.instant().getEpochSecond() / 30);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AccountChanged> events(String id) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.ACCOUNTS).stream()
                .filter(e -> e.getAccountId().equals(id)).toList();
    }

    private static int allAccountEvents() {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.ACCOUNTS).size();
    }

    private static List<PersonalTokenChanged> tokenEvents(String id) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.PERSONAL_TOKENS).stream()
                .filter(e -> e.getTokenId().equals(id)).toList();
    }

    private static String idOf(Map<String, Object> created) {
        return (String) map(created.get("account")).get("id");
    }

    private static String tokenOf(Map<String, Object> invitation) {
        return (String) invitation.get("token");
    }

    private static String detail(String problem) {
        return problem.replaceAll("(?s).*\"detail\":\"([^\"]*)\".*", "$1");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
