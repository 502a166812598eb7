package org.reportplatform.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.StubService.Answer;
import org.reportplatform.gateway.testing.StubService.Received;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.CallerAuthentication;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.security.SecurityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account pages against a stand-in content-service ({@link StubService}): each page shows
 * the API's data, each form posts the API's JSON as the signed-in person (the gateway's signed
 * assertion), the API's refusals appear in French next to their field, secrets are shown once,
 * and a non-admin never gets the admin API called for them.
 *
 * <p>The WebTestClient is bound to the account routes alone, with Spring Security's CSRF filter
 * (so pages carry a real token) and spring-security-test's signed-in caller; the gateway's
 * security chain (who may reach which path) is tested with it, on its own branch.
 */
class AccountPagesTest {

    private static final StubService CONTENT = StubService.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecurityProperties SECURITY = new SecurityProperties(
            "a-test-assertion-key-of-at-least-32-bytes!", Duration.ofMinutes(2), null, null, List.of());
    private static final CallerAssertions ASSERTIONS = new CallerAssertions(SECURITY, Clock.systemUTC());

    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);
    private static final Caller CLAIRE = new Caller("demo-admin", "Claire Dubois", Set.of(Role.ADMIN), Set.of(), null);

    private static final String AMINA_JSON = """
            {"id": "demo-enfants", "email": "enfants@example.org", "displayName": "Amina Diallo", "roles": ["member"],
             "teams": ["enfants"], "disabled": false, "hasPassword": true, "secondFactor": "none",
             "invitationExpiresAt": null, "identityProvider": null, "revision": 3,
             "updatedAt": "2026-12-01T10:00:00Z", "updatedBy": "demo-admin", "updatedByName": "Claire Dubois"}""";
    private static final String NEW_PERSON_JSON = """
            {"id": "a1b2", "email": "lea@example.org", "displayName": "Léa Martin", "roles": ["member", "reviewer"],
             "teams": ["femmes"], "disabled": false, "hasPassword": false, "secondFactor": "none",
             "invitationExpiresAt": "2099-12-07T10:00:00Z", "identityProvider": null, "revision": 1,
             "updatedAt": "2026-12-04T10:00:00Z", "updatedBy": "demo-admin", "updatedByName": "Claire Dubois"}""";

    private final WebTestClient web = WebTestClient
            .bindToRouterFunction(AccountsConfiguration.routes(
                    new AccountsClient(new BackendClient(WebClient.builder(), CONTENT.uri(), ASSERTIONS, Duration.ofSeconds(5))),
                    new AccountsProperties(List.of("enfants", "femmes", "migrants"), ZoneId.of("Europe/Paris"))))
            .webFilter(new CsrfWebFilter())
            .apply(springSecurity())
            .configureClient()
            .baseUrl("https://rapport.example.org")
            .build();

    @BeforeEach
    void reset() {
        CONTENT.reset();
    }

    @AfterAll
    static void stop() {
        CONTENT.close();
    }

    // Mon compte

    @Test
    void myAccountShowsWhoIAmMyTokensAndMySecondFactorAskingTheApiAsMe() {
        CONTENT.answer("GET", "/api/me", json(200, AMINA_JSON));
        CONTENT.answer("GET", "/api/me/tokens", json(200, """
                [{"id": "0011223344556677", "name": "Import des chiffres", "createdAt": "2026-11-02T09:00:00Z",
                  "expiresAt": "2099-01-31T09:00:00Z", "revokedAt": null},
                 {"id": "8899aabbccddeeff", "name": "Ancien script", "createdAt": "2026-01-02T09:00:00Z",
                  "expiresAt": "2099-01-31T09:00:00Z", "revokedAt": "2026-03-01T09:00:00Z"}]"""));

        String page = get(AMINA, "/account");

        assertThat(page).contains("<h1>Mon compte</h1>", "Amina Diallo", "enfants@example.org", "Membre", "enfants",
                "Import des chiffres", "Ancien script", "révoqué le 1 mars 2026", "2 novembre 2026",
                "href=\"/account/tokens/0011223344556677/revoke\"", "pas activée", "href=\"/account/second-factor\"",
                "<label for=\"name\">Nom</label>", "<label for=\"expiresInDays\">Validité en jours</label>");
        assertThat(page).doesNotContain("/account/tokens/8899aabbccddeeff/revoke", "/admin/accounts");
        assertThat(page).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">");
        assertThat(CONTENT.received()).extracting(Received::pathAndQuery).containsExactlyInAnyOrder("/api/me", "/api/me/tokens");
        CONTENT.received().forEach(request -> assertThat(callerOf(request)).isEqualTo(AMINA.accountId()));
    }

    @Test
    void aNewTokenIsPostedAsJsonAndShownOnceWithAWarning() {
        CONTENT.answer("GET", "/api/me", json(200, AMINA_JSON));
        CONTENT.answer("GET", "/api/me/tokens", json(200, "[]"));
        String secret = "rpt_0011223344556677_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I";
        CONTENT.answer("POST", "/api/me/tokens", json(201, """
                {"id": "0011223344556677", "name": "Import", "token": "%s", "expiresAt": "2027-01-03T10:00:00Z"}""".formatted(secret)));

        String page = post(AMINA, "/account/tokens", Map.of("name", "Import", "expiresInDays", "30"), 201);

        assertThat(page).contains("Copiez ce jeton maintenant : il ne sera plus affiché", "value=\"" + secret + "\"",
                "3 janvier 2027", "data-copy=\"new-token\"");
        Received created = only("POST", "/api/me/tokens");
        assertThat(body(created)).isEqualTo(JSON.readTree("{\"name\": \"Import\", \"expiresInDays\": 30}"));
        assertThat(callerOf(created)).isEqualTo(AMINA.accountId());

        assertThat(get(AMINA, "/account")).doesNotContain(secret);
    }

    @Test
    void theApisRefusalIsShownInFrenchNextToItsFieldAndAnnounced() {
        CONTENT.answer("GET", "/api/me", json(200, AMINA_JSON));
        CONTENT.answer("GET", "/api/me/tokens", json(200, "[]"));
        CONTENT.answer("POST", "/api/me/tokens", problem(400, "expiresInDays: must be between 1 and 365",
                "expiresInDays", "must be between 1 and 365"));

        String page = post(AMINA, "/account/tokens", Map.of("name", "Import", "expiresInDays", "900"), 400);

        assertThat(page).contains("role=\"alert\"", "<a href=\"#expiresInDays\">Indiquez une validité entre 1 et 365 jours.</a>",
                "<p class=\"field-error\" id=\"expiresInDays-error\">",
                "aria-describedby=\"expiresInDays-hint expiresInDays-error\" aria-invalid=\"true\"",
                "value=\"Import\"", "value=\"900\"");
        assertThat(body(only("POST", "/api/me/tokens")).get("expiresInDays").asInt()).isEqualTo(900);
    }

    @Test
    void revokingATokenAsksFirstThenDeletesIt() {
        CONTENT.answer("GET", "/api/me/tokens", json(200, """
                [{"id": "0011223344556677", "name": "Import des chiffres", "createdAt": "2026-11-02T09:00:00Z",
                  "expiresAt": "2099-01-31T09:00:00Z", "revokedAt": null}]"""));
        CONTENT.answer("DELETE", "/api/me/tokens/0011223344556677", new Answer(204, "application/json", "", Map.of(), Duration.ZERO));

        String confirmation = get(AMINA, "/account/tokens/0011223344556677/revoke");
        assertThat(confirmation).contains("Révoquer le jeton « Import des chiffres » ?", "action=\"/account/tokens/0011223344556677/revoke\"",
                "Révoquer définitivement", "href=\"/account\"");
        assertThat(CONTENT.received()).noneMatch(request -> request.method().equals("DELETE"));

        signedIn(AMINA).mutateWith(csrf()).post().uri("/account/tokens/0011223344556677/revoke")
                .exchange().expectStatus().isSeeOther().expectHeader().location("/account?revoked");
        assertThat(callerOf(only("DELETE", "/api/me/tokens/0011223344556677"))).isEqualTo(AMINA.accountId());
    }

    // Double authentification

    @Test
    void enrollingShowsTheQrCodeThenTheRecoveryCodesOnce() {
        CONTENT.answer("GET", "/api/me", json(200, AMINA_JSON));
        assertThat(get(AMINA, "/account/second-factor")).contains("même si quelqu’un découvre votre mot de passe", "Commencer", "action=\"/account/second-factor\"");
        assertThat(CONTENT.received()).noneMatch(request -> request.method().equals("POST"));

        CONTENT.answer("POST", "/api/me/second-factor", json(200, """
                {"otpauthUri": "otpauth://totp/Rapport:enfants@example.org?secret=JBSWY3DPEHPK3PXP",
                 "qrCode": "data:image/png;base64,iVBORw0KGgo=", "secret": "JBSW Y3DP EHPK 3PXP"}"""));
        String scan = post(AMINA, "/account/second-factor", Map.of(), 200);
        assertThat(scan).contains("<img class=\"qr\" src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Code QR à scanner avec votre application d’authentification\"",
                "JBSW Y3DP EHPK 3PXP", "<label for=\"code\">Code à 6 chiffres</label>", "autocomplete=\"one-time-code\"");

        List<String> codes = List.of("k3m9-p2x7", "a1b2-c3d4", "e5f6-g7h8", "j9k1-m2n3", "p4q5-r6s7",
                "t8u9-v1w2", "x3y4-z5a6", "b7c8-d9e1", "f2g3-h4j5", "k6m7-n8p9");
        CONTENT.answer("POST", "/api/me/second-factor:confirm", json(200, "{\"recoveryCodes\": " + json(codes) + "}"));
        String done = post(AMINA, "/account/second-factor/confirm", Map.of("code", "123 456"), 200);
        assertThat(done).contains("Notez ces codes maintenant : ils ne seront plus affichés", "en lieu sûr");
        codes.forEach(code -> assertThat(done).contains("<li><code>" + code + "</code></li>"));
        assertThat(body(only("POST", "/api/me/second-factor:confirm"))).isEqualTo(JSON.readTree("{\"code\": \"123456\"}"));
    }

    @Test
    void aWrongCodeIsSaidNextToTheCodeFieldAndOffersToStartOver() {
        CONTENT.answer("POST", "/api/me/second-factor:confirm", problem(400, "code: does not match", "code", "does not match"));

        String page = post(AMINA, "/account/second-factor/confirm", Map.of("code", "000000"), 400);

        assertThat(page).contains("id=\"code-error\"", "Ce code ne correspond pas", "aria-describedby=\"code-hint code-error\"",
                "role=\"alert\"", "Recommencer avec un nouveau code QR");
    }

    // Administration

    @Test
    void theAdminSeesThePeopleAndInvitesSomeoneGettingTheAbsoluteOneTimeLink() {
        CONTENT.answer("GET", "/api/accounts", json(200, "[" + AMINA_JSON + "," + NEW_PERSON_JSON.replace("\"femmes\"", "\"plaidoyer\"") + "]"));
        String list = get(CLAIRE, "/admin/accounts");
        assertThat(list).contains("<h1>Comptes</h1>", "href=\"/admin/accounts/demo-enfants\">Amina Diallo</a>", "enfants@example.org",
                "Membre, Relecture", "invitation en attente", "actif", "<h2 id=\"invite-title\">Inviter une personne</h2>",
                "<label for=\"email\">Adresse e-mail</label>", "<label for=\"displayName\">Nom affiché</label>",
                "<legend>Rôles</legend>", "<label for=\"role-admin\">Administration</label>", "<label for=\"role-operator\">Exploitation</label>",
                "<label for=\"role-webteam\">Équipe web</label>", "<label for=\"role-reviewer\">Relecture</label>",
                "<legend>Équipes</legend>", "value=\"migrants\"", "value=\"plaidoyer\"");

        CONTENT.answer("POST", "/api/accounts", json(201, """
                {"account": %s, "invitation": {"token": "inv-token-123", "path": "/invitation/inv-token-123",
                 "expiresAt": "2099-12-07T10:00:00Z"}}""".formatted(NEW_PERSON_JSON)));
        String link = post(CLAIRE, "/admin/accounts", Map.of("email", "lea@example.org", "displayName", "Léa Martin",
                "roles", List.of("member", "reviewer"), "teams", List.of("femmes")), 201);

        assertThat(link).contains("Invitation créée pour Léa Martin", "value=\"https://rapport.example.org/invitation/inv-token-123\"",
                "il ne sera plus affiché", "7 décembre 2099");
        assertThat(body(only("POST", "/api/accounts"))).isEqualTo(JSON.readTree("""
                {"email": "lea@example.org", "displayName": "Léa Martin", "roles": ["member", "reviewer"], "teams": ["femmes"]}"""));
    }

    @Test
    void anEmailAlreadyTakenIsSaidNextToTheEmailField() {
        CONTENT.answer("GET", "/api/accounts", json(200, "[" + AMINA_JSON + "]"));
        CONTENT.answer("POST", "/api/accounts", problem(409, "email: already taken", "email", "already taken"));

        String page = post(CLAIRE, "/admin/accounts", Map.of("email", "ENFANTS@example.org", "displayName", "Autre",
                "roles", List.of("member")), 409);

        assertThat(page).contains("id=\"email-error\"", "Une personne a déjà un compte avec cette adresse e-mail.",
                "aria-describedby=\"email-hint email-error\" aria-invalid=\"true\"", "value=\"ENFANTS@example.org\"",
                "id=\"role-member\" name=\"roles\" value=\"member\" checked");
    }

    @Test
    void aPersonsPageEditsWithIfMatchAndShowsWhoChangedWhat() {
        CONTENT.answer("GET", "/api/accounts/demo-enfants", json(200, AMINA_JSON));
        CONTENT.answer("GET", "/api/accounts", json(200, "[" + AMINA_JSON + "]"));
        CONTENT.answer("GET", "/api/accounts/demo-enfants/revisions", json(200, """
                [{"revision": 1, "updatedAt": "2026-11-01T08:00:00Z", "updatedBy": "demo-admin", "updatedByName": "Claire Dubois",
                  "changed": ["email", "displayName", "roles", "teams"], "deleted": false},
                 {"revision": 2, "updatedAt": "2026-11-02T08:00:00Z", "updatedBy": "demo-enfants", "updatedByName": "Amina Diallo",
                  "changed": ["passwordHash", "invitation"], "deleted": false},
                 {"revision": 3, "updatedAt": "2026-12-01T10:00:00Z", "updatedBy": "demo-admin", "updatedByName": "Marc Lefèvre",
                  "changed": ["teams"], "deleted": false}]"""));

        String page = get(CLAIRE, "/admin/accounts/demo-enfants");
        assertThat(page).contains("<h1>Amina Diallo</h1>", "<h2 id=\"history-title\">Historique</h2>", "Marc Lefèvre",
                "mot de passe, lien d’invitation", "création du compte", "value=\"Amina Diallo\"", "name=\"revision\" value=\"3\"",
                "href=\"/admin/accounts/demo-enfants/confirm/disable\"", "href=\"/admin/accounts/demo-enfants/confirm/reset-password\"");
        assertThat(page.indexOf("Marc Lefèvre")).isLessThan(page.indexOf("création du compte"));

        CONTENT.answer("PATCH", "/api/accounts/demo-enfants", json(200, AMINA_JSON));
        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/admin/accounts/demo-enfants")
                .body(form(Map.of("displayName", "Amina Diallo-Sow", "roles", List.of("member"), "teams", List.of("enfants", "migrants"),
                        "revision", "3")))
                .exchange().expectStatus().isSeeOther().expectHeader().location("/admin/accounts/demo-enfants?done=saved");
        Received patch = only("PATCH", "/api/accounts/demo-enfants");
        assertThat(patch.header(HttpHeaders.IF_MATCH)).isEqualTo("\"3\"");
        assertThat(body(patch)).isEqualTo(JSON.readTree("""
                {"displayName": "Amina Diallo-Sow", "roles": ["member"], "teams": ["enfants", "migrants"]}"""));
    }

    @Test
    void disablingTheLastAdminIsRefusedInFrench() {
        CONTENT.answer("GET", "/api/accounts/demo-admin", json(200, AMINA_JSON.replace("demo-enfants", "demo-admin")));
        CONTENT.answer("GET", "/api/accounts", json(200, "[]"));
        CONTENT.answer("GET", "/api/accounts/demo-admin/revisions", json(200, "[]"));
        CONTENT.answer("PATCH", "/api/accounts/demo-admin", problem(409, "the last enabled admin cannot be disabled"));

        String page = post(CLAIRE, "/admin/accounts/demo-admin/disable", Map.of(), 409);

        assertThat(page).contains("role=\"alert\"", "dernier compte d’administration actif");
        assertThat(body(only("PATCH", "/api/accounts/demo-admin"))).isEqualTo(JSON.readTree("{\"disabled\": true}"));
    }

    @Test
    void resettingAPasswordShowsTheNewLink() {
        CONTENT.answer("POST", "/api/accounts/a1b2:reset-password", json(200, """
                {"token": "new-token-456", "path": "/invitation/new-token-456", "expiresAt": "2099-12-07T10:00:00Z"}"""));
        CONTENT.answer("GET", "/api/accounts/a1b2", json(200, NEW_PERSON_JSON));

        String page = post(CLAIRE, "/admin/accounts/a1b2/reset-password", Map.of(), 200);

        assertThat(page).contains("Nouveau lien pour Léa Martin", "value=\"https://rapport.example.org/invitation/new-token-456\"");
    }

    @Test
    void someoneWhoIsNotAnAdminGetsNoAdminDataAndTheAdminApiIsNeverCalled() {
        for (String path : List.of("/admin/accounts", "/admin/accounts/demo-admin", "/admin/accounts/demo-admin/confirm/disable")) {
            String page = signedIn(AMINA).get().uri(path).exchange().expectStatus().isForbidden()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("Accès réservé").doesNotContain("Claire Dubois", "admin@example.org");
        }
        for (String path : List.of("/admin/accounts", "/admin/accounts/demo-admin", "/admin/accounts/demo-admin/disable",
                "/admin/accounts/demo-admin/reset-password", "/admin/accounts/demo-admin/reset-second-factor")) {
            signedIn(AMINA).mutateWith(csrf()).post().uri(path).body(form(Map.of("email", "x@example.org", "roles", List.of("admin"))))
                    .exchange().expectStatus().isForbidden();
        }
        assertThat(CONTENT.received()).isEmpty();
    }

    // Invitations

    @Test
    void anInvitationWelcomesThePersonAndSetsThePasswordWithoutAnyAuthorization() {
        CONTENT.answer("GET", "/api/invitations/inv-token-123", json(200, """
                {"email": "lea@example.org", "displayName": "Léa Martin", "expiresAt": "2099-12-07T10:00:00Z"}"""));
        CONTENT.answer("POST", "/api/invitations/inv-token-123", new Answer(204, "application/json", "", Map.of(), Duration.ZERO));

        String form = web.get().uri("/invitation/inv-token-123").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(form).contains("Bienvenue, Léa Martin", "Choisissez votre mot de passe", "<label for=\"password\">Mot de passe</label>",
                "<label for=\"confirmation\">Confirmation</label>", "Au moins 12 caractères", "autocomplete=\"new-password\"");

        String done = web.mutateWith(csrf()).post().uri("/invitation/inv-token-123")
                .body(form(Map.of("password", "quatre mots sans rapport", "confirmation", "quatre mots sans rapport")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(done).contains("Votre compte est prêt", "href=\"/signin\"");
        Received accepted = only("POST", "/api/invitations/inv-token-123");
        assertThat(body(accepted)).isEqualTo(JSON.readTree("{\"password\": \"quatre mots sans rapport\"}"));
        CONTENT.received().forEach(request -> assertThat(request.header(HttpHeaders.AUTHORIZATION)).isNull());
    }

    @Test
    void twoDifferentPasswordsAreCaughtBeforeTheApiAndATooShortOneIsSaidByIt() {
        CONTENT.answer("GET", "/api/invitations/inv-token-123", json(200, """
                {"email": "lea@example.org", "displayName": "Léa Martin", "expiresAt": "2099-12-07T10:00:00Z"}"""));

        String mismatch = web.mutateWith(csrf()).post().uri("/invitation/inv-token-123")
                .body(form(Map.of("password", "quatre mots sans rapport", "confirmation", "cheval agrafe batterie correcte")))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(mismatch).contains("id=\"confirmation-error\"", "ne sont pas identiques").doesNotContain("value=\"quatre", "cheval agrafe");
        assertThat(CONTENT.received()).noneMatch(request -> request.method().equals("POST"));

        CONTENT.answer("POST", "/api/invitations/inv-token-123", problem(400, "password: 12 to 128 characters", "password",
                "12 to 128 characters"));
        String tooShort = web.mutateWith(csrf()).post().uri("/invitation/inv-token-123")
                .body(form(Map.of("password", "court", "confirmation", "court")))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(tooShort).contains("id=\"password-error\"", "entre 12 et 128 caractères",
                "aria-describedby=\"password-hint password-error\"").doesNotContain("value=\"court\"");
    }

    @Test
    void aUsedOrUnknownLinkSaysToAskTheAdministratorForANewOne() {
        CONTENT.answer("GET", "/api/invitations/used", problem(404, "no such invitation"));

        String page = web.get().uri("/invitation/used").exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Ce lien n’est plus valable", "Demandez à votre administrateur de vous envoyer un nouveau lien");
    }

    // helpers

    private WebTestClient signedIn(Caller caller) {
        return web.mutateWith(mockAuthentication(new CallerAuthentication(caller)));
    }

    private String get(Caller caller, String path) {
        return signedIn(caller).get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String post(Caller caller, String path, Map<String, ?> fields, int status) {
        return signedIn(caller).mutateWith(csrf()).post().uri(path).body(form(fields))
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static BodyInserters.FormInserter<String> form(Map<String, ?> fields) {
        BodyInserters.FormInserter<String> form = BodyInserters.fromFormData(new org.springframework.util.LinkedMultiValueMap<>());
        fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                list.forEach(item -> form.with(name, item.toString()));
            } else {
                form.with(name, value.toString());
            }
        });
        return form;
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, Map.of(), Duration.ZERO);
    }

    private static String json(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    private static Answer problem(int status, String detail, String... fieldAndProblem) {
        String errors = fieldAndProblem.length == 0 ? "" : ", \"errors\": [{\"field\": \"%s\", \"problem\": \"%s\"}]"
                .formatted(fieldAndProblem[0], fieldAndProblem[1]);
        return new Answer(status, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                "{\"status\": %d, \"title\": \"Refused\", \"detail\": \"%s\"%s}".formatted(status, detail, errors), Map.of(), Duration.ZERO);
    }

    private static Received only(String method, String path) {
        List<Received> matching = CONTENT.received().stream()
                .filter(request -> request.method().equals(method) && request.pathAndQuery().equals(path)).toList();
        assertThat(matching).as(method + " " + path).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode body(Received request) {
        assertThat(request.header(HttpHeaders.CONTENT_TYPE)).startsWith(MediaType.APPLICATION_JSON_VALUE);
        return JSON.readTree(request.body());
    }

    /** The account the request's assertion names, after checking its signature as a service would. */
    private static String callerOf(Received request) {
        String authorization = request.header(HttpHeaders.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ");
        return CallerAssertions.callerOf(ASSERTIONS.decoder().decode(authorization.substring(7)).block()).accountId();
    }
}
