package org.reportplatform.gateway.studio.chapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProperties;
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
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chapter editor's handlers against stand-in services (one {@link StubService} answering the
 * content, figures and render paths): what the page shows and to whom, what a save sends
 * ({@code If-Match}, the person's assertion), the conflict screen on a 412 and the merge it saves,
 * and the French answers to refusals and to a service that is down, the person's text kept.
 */
class ChapterEditorPagesTest {

    private static final StubService SERVICES = StubService.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecurityProperties SECURITY = new SecurityProperties(
            "a-test-assertion-key-of-at-least-32-bytes!", Duration.ofMinutes(2), null, null, List.of());
    private static final CallerAssertions ASSERTIONS = new CallerAssertions(SECURITY, Clock.systemUTC());
    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);
    private static final Caller LUCAS = new Caller("demo-defenseurs", "Lucas Martin", Set.of(Role.MEMBER), Set.of("defenseurs"), null);

    private static final StudioProperties STUDIO = new StudioProperties(List.of("2024"), ZoneId.of("Europe/Paris"), 50);
    private static final StudioPages PAGES = new StudioPages(new StudioLabels(STUDIO), STUDIO);
    private static final String CHAPTER = "/api/editions/2024/chapters/enfants";
    private static final String PREVIEW = "/api/editions/2024/chapters/enfants/preview";
    private static final String STYLE = "body { color: #1f1f1f; }";
    private static final String PAGE = "<!DOCTYPE html><html lang=\"fr\"><head><style>" + STYLE + "</style></head><body><main><h1>Enfants</h1>"
            + "<p>Les enfants &amp; la détention.</p></main></body></html>";

    private final WebTestClient web = WebTestClient
            .bindToRouterFunction(ChapterEditorConfiguration.routes(backends(SERVICES.uri().toString()), null, PAGES))
            .webFilter(new CsrfWebFilter())
            .apply(springSecurity())
            .configureClient()
            .responseTimeout(Duration.ofSeconds(60))
            .baseUrl("https://rapport.example.org")
            .build();

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.answer("POST", PREVIEW, json(200, JSON.writeValueAsString(Map.of("html", PAGE, "missing", List.of()))));
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Test
    void theTeamGetsTheFormWithItsBaseRevisionAndThePreviewWhoseStyleTheEditorsPolicyAllowsByHash() throws Exception {
        SERVICES.answer("GET", CHAPTER, chapter(5, "Enfants", "Un.\n\nDeux.\n"));

        EntityExchangeResult<String> result = signedIn(AMINA).get().uri("/studio/2024/chapitres/enfants").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String page = result.getResponseBody();

        assertThat(page).contains("hx-get=\"/studio/2024/chiffres/choix\"", "<label for=\"title\">Titre</label>", "<label for=\"body\" id=\"body-label\">Texte</label>",
                "<input type=\"hidden\" name=\"base\" value=\"5\">", ">Enregistrer</button>", "Un.\n\nDeux.\n</textarea>",
                "title=\"Aperçu de la page\" sandbox srcdoc=\"&lt;!DOCTYPE html&gt;", "Les enfants &amp;amp; la détention.",
                "hx-post=\"/studio/2024/chapitres/enfants/apercu\"", "Révision 5, enregistrée le 14 mars 2025 à 10:30 par Amina Diallo.");
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(STYLE.getBytes(StandardCharsets.UTF_8))) + "'";
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy")).contains("style-src 'self' " + hash + ";")
                .contains("script-src 'self';");
        assertThat(callerOf(only("GET", CHAPTER))).isEqualTo(AMINA.accountId());
        assertThat(JSON.readTree(only("POST", PREVIEW).body()).path("body").asString()).isEqualTo("Un.\n\nDeux.\n");
    }

    @Test
    void anotherTeamSeesTheChapterReadOnlyWithTheTeamThatWritesIt() {
        SERVICES.answer("GET", CHAPTER, chapter(5, "Enfants", "Un.\n"));

        String page = get(LUCAS, "/studio/2024/chapitres/enfants", 200);

        assertThat(page).contains("Ce chapitre est rédigé par l’équipe « enfants » : vous pouvez le lire, mais pas le modifier.",
                "<pre class=\"chapter-source\"", "presence?lecture=1", "title=\"Aperçu de la page\"");
        assertThat(page).doesNotContain("id=\"chapter-form\"", "<textarea", "Enregistrer", "studio-editor.js");
    }

    @Test
    void savingSendsTheTextWithIfMatchOnTheBaseAndConfirmsWithTheNewRevision() {
        SERVICES.answer("PUT", CHAPTER, new Answer(200, "application/json", "{\"revision\": 6}", Map.of("ETag", "\"6\""), Duration.ZERO));

        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants")
                .body(form(Map.of("base", "5", "title", "Enfants", "body", "Un, revu.\r\n\r\nDeux.\r\n"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?enregistre=6");

        Received put = only("PUT", CHAPTER);
        assertThat(put.header(HttpHeaders.IF_MATCH)).isEqualTo("\"5\"");
        assertThat(callerOf(put)).isEqualTo(AMINA.accountId());
        JsonNode sent = JSON.readTree(put.body());
        assertThat(sent.path("title").asString()).isEqualTo("Enfants");
        assertThat(sent.path("body").asString()).isEqualTo("Un, revu.\n\nDeux.\n");

        SERVICES.answer("GET", CHAPTER, chapter(6, "Enfants", "Un, revu.\n\nDeux.\n"));
        assertThat(get(AMINA, "/studio/2024/chapitres/enfants?enregistre=6", 200))
                .contains("Enregistré : révision 6. La page publique est à jour dans quelques secondes.", "href=\"/2024/enfants\"");
    }

    @Test
    void aStaleSaveShowsBothVersionsAndTheMergeAndTheMergeIsSavedOnTheRevisionItMergedWith() {
        SERVICES.answer("PUT", CHAPTER, problem(412, "stale", null));
        SERVICES.answer("GET", CHAPTER + "/revisions/5", chapter(5, "Enfants", "Un.\n\nDeux.\n\nTrois.\n"));
        SERVICES.answer("GET", CHAPTER, chapter(6, "Enfants", "Un.\n\nDeux, par Claire.\n\nTrois, par Claire.\n"));

        String conflict = post(AMINA, "/studio/2024/chapitres/enfants",
                Map.of("base", "5", "title", "Enfants", "body", "Un, par Amina.\n\nDeux, par Amina.\n\nTrois.\n"), 409);

        assertThat(conflict).contains("Le chapitre a changé pendant que vous écriviez", "Votre version",
                "Version enregistrée par Amina Diallo le 14 mars 2025 à 10:30", "<span class=\"diff-tag\">différent</span>",
                "<span class=\"diff-tag\">votre modification</span> Un, par Amina.",
                "<span class=\"diff-tag\">modification de Amina Diallo</span> Trois, par Claire.",
                "<legend>Passage 1 : modifié des deux côtés</legend>", "Garder ma version", "Garder la version de Amina Diallo",
                "name=\"theirs\" value=\"6\"", "name=\"base\" value=\"5\"");
        assertThat(conflict).doesNotContain("Passage 2");

        // Saving the merge without choosing: the screen again, nothing saved
        SERVICES.answer("GET", CHAPTER + "/revisions/6", chapter(6, "Enfants", "Un.\n\nDeux, par Claire.\n\nTrois, par Claire.\n"));
        SERVICES.answer("PUT", CHAPTER, new Answer(200, "application/json", "{\"revision\": 7}", Map.of("ETag", "\"7\""), Duration.ZERO));
        Map<String, String> merge = Map.of("base", "5", "theirs", "6", "mineTitle", "Enfants",
                "mineBody", "Un, par Amina.\n\nDeux, par Amina.\n\nTrois.\n");
        assertThat(post(AMINA, "/studio/2024/chapitres/enfants/fusion", merge, 400)).contains("Choisissez une version pour chaque passage");
        assertThat(SERVICES.received()).noneMatch(r -> r.method().equals("PUT") && r.header(HttpHeaders.IF_MATCH).equals("\"6\""));

        // Choosing Claire's version of paragraph 2
        java.util.HashMap<String, String> chosen = new java.util.HashMap<>(merge);
        chosen.put("c1", "theirs");
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/fusion").body(form(chosen)).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?enregistre=7");
        Received saved = SERVICES.received().stream().filter(r -> r.method().equals("PUT") && "\"6\"".equals(r.header(HttpHeaders.IF_MATCH)))
                .findFirst().orElseThrow();
        assertThat(JSON.readTree(saved.body()).path("body").asString()).isEqualTo("Un, par Amina.\n\nDeux, par Claire.\n\nTrois, par Claire.\n");
    }

    @Test
    void aNewerRevisionThatOnlyMovedTheChapterIsNoConflictTheTextIsSavedOnIt() {
        // Given revision 6 only renumbered the chapter (an admin moved another one): same title, same text as 5
        SERVICES.answer("PUT", CHAPTER, problem(412, "stale", null));
        SERVICES.answer("GET", CHAPTER + "/revisions/5", chapter(5, "Enfants", "Un.\n\nDeux.\n"));
        SERVICES.answer("GET", CHAPTER + "/revisions/6", chapter(6, "Enfants", "Un.\n\nDeux.\n"));
        SERVICES.answer("GET", CHAPTER, chapter(6, "Enfants", "Un.\n\nDeux.\n"));

        // When Amina saves on revision 5 (the stand-in refuses every PUT, so the page ends on the conflict screen)
        post(AMINA, "/studio/2024/chapitres/enfants", Map.of("base", "5", "title", "Enfants", "body", "Un, par Amina.\n\nDeux.\n"), 409);

        // Then her text was sent again on revision 6 without asking her, and only once (no loop on a revision that did not move)
        List<Received> puts = SERVICES.received().stream().filter(r -> r.method().equals("PUT")).toList();
        assertThat(puts).extracting(r -> r.header(HttpHeaders.IF_MATCH)).containsExactly("\"5\"", "\"6\"");
        assertThat(JSON.readTree(puts.get(1).body()).path("body").asString()).isEqualTo("Un, par Amina.\n\nDeux.\n");
    }

    @Test
    void aConfirmationIsShownOnlyForARevisionTheChapterHasReached() {
        SERVICES.answer("GET", CHAPTER, chapter(6, "Enfants", "Un.\n"));

        assertThat(get(AMINA, "/studio/2024/chapitres/enfants?enregistre=7", 200)).doesNotContain("Enregistré");
    }

    @Test
    void aSaveTheApiForbidsSaysSoInFrenchAndKeepsTheText() {
        SERVICES.answer("PUT", CHAPTER, problem(403, "team defenseurs may not edit chapter enfants", null));

        String page = post(LUCAS, "/studio/2024/chapitres/enfants", Map.of("base", "5", "title", "Enfants", "body", "Mon texte.\n"), 403);

        assertThat(page).contains("Vous n’avez pas le droit de modifier ce chapitre.", "Votre texte n’a pas été enregistré",
                "Mon texte.\n</textarea>");
        assertThat(page).doesNotContain("team defenseurs may not");
    }

    @Test
    void anUnknownChapterIsAFrenchNotFoundPage() {
        SERVICES.answer("GET", "/api/editions/2024/chapters/inconnu", problem(404, "no chapter inconnu", null));

        assertThat(get(AMINA, "/studio/2024/chapitres/inconnu", 404)).contains("Cet élément n’existe pas ou plus.", "href=\"/studio/2024\"");
        assertThat(get(AMINA, "/studio/1999/chapitres/enfants", 404)).contains("Le studio ne connaît pas l’édition « 1999 »");
    }

    @Test
    void aRefusedTitleIsExplainedBesideItAndTheTextIsKept() {
        SERVICES.answer("PUT", CHAPTER, problem(400, "1 field is invalid", "title"));

        String page = post(AMINA, "/studio/2024/chapitres/enfants", Map.of("base", "5", "title", " ", "body", "Mon texte précieux.\n"), 400);

        assertThat(page).contains("Donnez un titre au chapitre : il ne peut pas être vide.", "id=\"title-error\"",
                "aria-describedby=\"title-warnings title-error\"", "aria-invalid=\"true\"", "Mon texte précieux.\n</textarea>",
                "role=\"alert\"", "<input type=\"hidden\" name=\"base\" value=\"5\">");
    }

    @Test
    void aServiceThatIsDownGetsAFrenchMessageAndTheTextIsKept() {
        WebTestClient down = WebTestClient.bindToRouterFunction(ChapterEditorConfiguration.routes(
                        backends(StubService.downServiceUri().toString()), null, PAGES))
                .webFilter(new CsrfWebFilter()).apply(springSecurity()).configureClient().responseTimeout(Duration.ofSeconds(60)).build();

        String page = down.mutateWith(mockAuthentication(new CallerAuthentication(AMINA))).mutateWith(csrf()).post()
                .uri("/studio/2024/chapitres/enfants").body(form(Map.of("base", "5", "title", "Enfants", "body", "Mon texte.\n")))
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Le service des chapitres ne répond pas pour le moment", "Mon texte.\n</textarea>",
                "L’aperçu n’est pas disponible pour le moment");
        assertThat(page).doesNotContain("\"status\"", "\"detail\"", "Exception");

        String opened = down.mutateWith(mockAuthentication(new CallerAuthentication(AMINA))).get().uri("/studio/2024/chapitres/enfants")
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(opened).contains("Le service qui garde le rapport ne répond pas pour l’instant");
    }

    @Test
    void thePreviewFragmentCarriesTheWarningsForTheFieldsTheyConcern() {
        SERVICES.answer("POST", PREVIEW, json(200, JSON.writeValueAsString(Map.of("html", PAGE,
                "missing", List.of(Map.of("kind", "fig", "id", "inconnu.x"), Map.of("kind", "chart", "id", "absent"))))));

        String fragment = post(AMINA, "/studio/2024/chapitres/enfants/apercu", Map.of("title", "", "body", "{{fig:inconnu.x}}"), 200);

        assertThat(fragment).contains("title=\"Aperçu de la page\"",
                "<div id=\"title-warnings\" hx-swap-oob=\"innerHTML\">", "Le titre est vide",
                "<div id=\"body-warnings\" hx-swap-oob=\"innerHTML\">", "chiffre clé inconnu : <code>{{fig:inconnu.x}}</code>",
                "graphique inconnu : <code>{{chart:absent}}</code>");
    }

    private static Backends backends(String uri) {
        BackendClient client = new BackendClient(WebClient.builder(), java.net.URI.create(uri), ASSERTIONS, Duration.ofSeconds(30));
        return new Backends(client, client, client);
    }

    private WebTestClient signedIn(Caller caller) {
        return web.mutateWith(mockAuthentication(new CallerAuthentication(caller)));
    }

    private String get(Caller caller, String path, int status) {
        return signedIn(caller).get().uri(path).exchange().expectStatus().isEqualTo(status)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String post(Caller caller, String path, Map<String, String> fields, int status) {
        return signedIn(caller).mutateWith(csrf()).post().uri(path).body(form(fields))
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static BodyInserters.FormInserter<String> form(Map<String, String> fields) {
        BodyInserters.FormInserter<String> form = BodyInserters.fromFormData(new LinkedMultiValueMap<>());
        fields.forEach(form::with);
        return form;
    }

    private static Answer chapter(long revision, String title, String body) {
        String json = JSON.writeValueAsString(Map.of("edition", "2024", "slug", "enfants", "title", title, "body", body,
                "ownerTeam", "enfants", "revision", revision, "updatedAt", "2025-03-14T09:30:12Z", "updatedBy", "demo-enfants",
                "updatedByName", "Amina Diallo"));
        return new Answer(200, "application/json", json, Map.of("ETag", "\"" + revision + "\""), Duration.ZERO);
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, Map.of(), Duration.ZERO);
    }

    private static Answer problem(int status, String detail, String field) {
        String errors = field == null ? "" : ", \"errors\": [{\"field\": \"" + field + "\", \"problem\": \"is required and must not be blank\"}]";
        return new Answer(status, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                "{\"status\": " + status + ", \"title\": \"Refused\", \"detail\": \"" + detail + "\"" + errors + "}", Map.of(), Duration.ZERO);
    }

    private static Received only(String method, String path) {
        List<Received> matching = SERVICES.received().stream()
                .filter(request -> request.method().equals(method) && request.pathAndQuery().equals(path)).toList();
        assertThat(matching).as(method + " " + path).hasSize(1);
        return matching.get(0);
    }

    private static String callerOf(Received request) {
        String authorization = request.header(HttpHeaders.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ");
        return CallerAssertions.callerOf(ASSERTIONS.decoder().decode(authorization.substring(7)).block()).accountId();
    }
}
