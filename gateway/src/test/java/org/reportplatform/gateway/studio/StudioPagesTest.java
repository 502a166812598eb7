package org.reportplatform.gateway.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reportplatform.gateway.testing.StubCalls.form;
import static org.reportplatform.gateway.testing.StubCalls.json;
import static org.reportplatform.gateway.testing.StubCalls.only;
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
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.history.HistoryConfiguration;
import org.reportplatform.gateway.studio.home.HomeConfiguration;
import org.reportplatform.gateway.testing.StubCalls;
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
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The studio's home, structure and history against stand-in services ({@link StubService} for
 * content-service and figures-service): what each page shows of the APIs' answers, who is
 * offered which control, and what each form sends the API as the signed-in person. The whole
 * platform in a browser: {@code StudioHomeInABrowserTest} (system-tests).
 */
class StudioPagesTest {

    private static final StubService CONTENT = StubService.start();
    private static final StubService FIGURES = StubService.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CallerAssertions ASSERTIONS = new CallerAssertions(new SecurityProperties(
            "a-test-assertion-key-of-at-least-32-bytes!", Duration.ofMinutes(2), null, null, List.of()), Clock.systemUTC());

    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);
    private static final Caller CLAIRE = new Caller("demo-admin", "Claire Dubois", Set.of(Role.ADMIN), Set.of(), null);

    private static final String CHAPTERS = """
            [{"edition": "2024", "slug": "defenseurs", "title": "Défenseur.e.s", "body": "…", "position": 1, "ownerTeam": "defenseurs",
              "language": "fr", "revision": 4, "updatedAt": "2026-07-01T08:30:00Z", "updatedBy": "demo-defenseurs", "updatedByName": "Inès Benali"},
             {"edition": "2024", "slug": "enfants", "title": "Enfants", "body": "…", "position": 2, "ownerTeam": "enfants",
              "language": "fr", "revision": 3, "updatedAt": "2026-12-04T09:05:00Z", "updatedBy": "demo-enfants", "updatedByName": "Amina Diallo"}]""";
    private static final String ENFANTS = """
            {"edition": "2024", "slug": "enfants", "title": "Enfants", "body": "Texte.", "position": 2, "ownerTeam": "enfants",
             "language": "fr", "revision": 3, "updatedAt": "2026-12-04T09:05:00Z", "updatedBy": "demo-enfants", "updatedByName": "Amina Diallo"}""";

    private final WebTestClient web = WebTestClient
            .bindToRouterFunction(routes())
            .webFilter(new CsrfWebFilter())
            .apply(springSecurity())
            .configureClient()
            .baseUrl("https://rapport.example.org")
            .build();

    private static org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> routes() {
        StudioProperties properties = new StudioProperties(List.of("2024"), ZoneId.of("Europe/Zurich"), 2);
        StudioPages pages = new StudioPages(new StudioLabels(properties), properties);
        Backends backends = new Backends(
                new BackendClient(WebClient.builder(), CONTENT.uri(), ASSERTIONS, Duration.ofSeconds(5)),
                new BackendClient(WebClient.builder(), FIGURES.uri(), ASSERTIONS, Duration.ofSeconds(5)),
                new BackendClient(WebClient.builder(), StubService.downServiceUri(), ASSERTIONS, Duration.ofSeconds(5)));
        return HomeConfiguration.routes(pages, backends, List.of("defenseurs", "enfants", "femmes"))
                .and(HistoryConfiguration.routes(pages, backends));
    }

    @BeforeEach
    void reset() {
        CONTENT.reset();
        FIGURES.reset();
    }

    @AfterAll
    static void stop() {
        CONTENT.close();
        FIGURES.close();
    }

    @Test
    void theHomeShowsTheMembersTeamsWorkToEditAndTheRestToConsultAskingTheApisAsHer() {
        CONTENT.answer("GET", "/api/editions/2024/chapters", json(200, CHAPTERS));
        FIGURES.answer("GET", "/api/editions/2024/indicators", json(200, """
                [{"id": "children.detained", "label": "Enfants détenus", "type": "integer", "value": 4445, "unit": "cas",
                  "ownerTeam": "enfants", "revision": 2, "updatedAt": "2026-03-01T10:00:00Z", "updatedByName": "Amina Diallo"},
                 {"id": "defenders.cases", "label": "Cas de défenseur.e.s", "type": "integer", "value": 17,
                  "ownerTeam": "defenseurs", "revision": 1, "updatedAt": "2026-03-01T10:00:00Z", "updatedByName": "Inès Benali"}]"""));
        FIGURES.answer("GET", "/api/editions/2024/datasets", json(200, "[]"));

        String page = get(AMINA, "/studio");

        assertThat(page).contains("<h2 id=\"chapters-title\">Mes chapitres</h2>", "Enfants", "révision 3",
                "4 décembre 2026 à 10:05", "par Amina Diallo",
                "href=\"/studio/2024/chapitres/enfants\">Modifier", "href=\"/studio/2024/chapitres/enfants/historique\"",
                "href=\"/studio/2024/chapitres/defenseurs\">Consulter",
                "Enfants détenus", "4\u202F445\u00A0cas", "href=\"/studio/2024/chiffres/children.detained\">Modifier",
                "Votre équipe n’a pas encore de jeu de données.");
        assertThat(page).doesNotContain("Cas de défenseur.e.s", "/studio/2024/structure", "href=\"/studio/2024/chapitres/defenseurs\">Modifier");
        assertThat(CONTENT.received()).extracting(Received::pathAndQuery)
                .containsExactlyInAnyOrder("/api/editions", "/api/editions/2024/chapters", "/api/editions/2024/drafts");
        CONTENT.received().forEach(request -> assertThat(callerOf(request)).isEqualTo(AMINA.accountId()));
        FIGURES.received().forEach(request -> assertThat(callerOf(request)).isEqualTo(AMINA.accountId()));
    }

    @Test
    void theHomeListsTheDraftsWhatAwaitsReviewAndTheCalendarInTheChosenZoneAndTheStudios() {
        CONTENT.answer("GET", "/api/editions/2024/chapters", json(200, CHAPTERS));
        CONTENT.answer("GET", "/api/editions/2024/drafts", json(200, """
                [{"edition": "2024", "slug": "enfants", "title": "Enfants (brouillon)", "body": "…", "ownerTeam": "enfants",
                  "review": "submitted", "reviewRequired": true, "notes": [], "revision": 4, "updatedAt": "2026-03-02T09:00:00Z",
                  "updatedByName": "Amina Diallo",
                  "schedule": {"at": "2025-06-26T07:00:00Z", "localDateTime": "2025-06-26T09:00", "timeZone": "Europe/Zurich"}},
                 {"edition": "2024", "slug": "defenseurs", "title": "Défenseurs", "body": "…", "ownerTeam": "defenseurs",
                  "review": "editing", "notes": [], "revision": 2, "updatedAt": "2026-03-02T10:00:00Z", "updatedByName": "Inès Benali",
                  "schedule": null}]"""));
        FIGURES.answer("GET", "/api/editions/2024/indicators", json(200, "[]"));
        FIGURES.answer("GET", "/api/editions/2024/datasets", json(200, "[]"));
        FIGURES.answer("GET", "/api/editions/2024/indicators:scheduled", json(200, """
                [{"edition": "2024", "indicatorId": "children.detained", "indicator": {"label": "Enfants détenus", "type": "integer",
                  "value": 5000, "unit": "cas", "ownerTeam": "enfants"}, "at": "2025-06-25T13:00:00Z", "localDateTime": "2025-06-25T09:00",
                  "timeZone": "America/New_York", "revision": 1, "updatedByName": "Amina Diallo"}]"""));

        String page = get(CLAIRE, "/studio");

        assertThat(page).contains("<h2 id=\"drafts-title\">Brouillons</h2>", "<h2 id=\"review-title\">À relire</h2>",
                "<h2 id=\"calendar-title\">Calendrier de publication</h2>",
                "<span class=\"badge draft-submitted\">Soumis pour relecture</span>",
                "<span class=\"badge scheduled\">Programmé le 26 juin 2025 à 09:00 (Genève)</span>",
                "<span class=\"badge draft-editing\">Brouillon</span>", "par Inès Benali",
                "<td>25 juin 2025 à 09:00 (New York)</td>",
                "<time datetime=\"2025-06-25T13:00:00Z\" data-your-time>25 juin 2025 à 15:00 (Genève)</time>",
                "Enfants détenus : 5\u202F000\u00A0cas", "/ui/studio-times.js");
        // In time order: the figure (25 June) before the chapter (26 June); only the submitted draft awaits review
        assertThat(page.indexOf("Enfants détenus : 5")).isLessThan(page.indexOf("<td>26 juin 2025 à 09:00 (Genève)</td>"));
        String toReview = page.substring(page.indexOf("id=\"to-review\""), page.indexOf("calendar-title"));
        assertThat(toReview).contains("Enfants (brouillon)", "Relire").doesNotContain("Défenseurs");
        assertThat(page).contains("<span class=\"badge draft-submitted\">Brouillon soumis pour relecture</span>");
    }

    @Test
    void aMemberWithoutDraftsIsToldWhereTheyComeFromAndSeesNoReviewList() {
        CONTENT.answer("GET", "/api/editions/2024/chapters", json(200, CHAPTERS));
        CONTENT.answer("GET", "/api/editions/2024/drafts", json(200, "[]"));
        FIGURES.answer("GET", "/api/editions/2024/indicators", json(200, "[]"));
        FIGURES.answer("GET", "/api/editions/2024/datasets", json(200, "[]"));
        FIGURES.answer("GET", "/api/editions/2024/indicators:scheduled", json(200, "[]"));

        String page = get(AMINA, "/studio");

        assertThat(page).contains("Aucun brouillon en cours.", "Rien n’est programmé");
        assertThat(page).doesNotContain("À relire", "ne peuvent pas être lus");
    }

    @Test
    void draftsThatCannotBeReadLeaveTheRestOfTheHomeAndSaySo() {
        CONTENT.answer("GET", "/api/editions/2024/chapters", json(200, CHAPTERS));
        CONTENT.answer("GET", "/api/editions/2024/drafts", json(503, "{}"));
        FIGURES.answer("GET", "/api/editions/2024/indicators", json(200, "[]"));
        FIGURES.answer("GET", "/api/editions/2024/datasets", json(200, "[]"));

        assertThat(get(AMINA, "/studio")).contains("Les brouillons et les publications programmées ne peuvent pas être lus pour le moment",
                "<h2 id=\"chapters-title\">Mes chapitres</h2>");
    }

    @Test
    void theStructureIsRefusedToAMemberWithoutAskingTheApiAnything() {
        signedIn(AMINA).get().uri("/studio/2024/structure").exchange().expectStatus().isForbidden()
                .expectBody(String.class).value(page -> assertThat(page).contains("Accès réservé").doesNotContain("Monter"));
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/structure/enfants/deplacer")
                .body(form(Map.of("position", "1", "revision", "3"))).exchange().expectStatus().isForbidden();

        assertThat(CONTENT.received()).isEmpty();
    }

    @Test
    void anAdminMovesAChapterWithTheRevisionSheSawAndTheStructureSaysWhereItIsNow() {
        CONTENT.answer("GET", "/api/editions/2024/chapters", json(200, CHAPTERS));
        CONTENT.answer("POST", "/api/editions/2024/chapters/enfants/move", json(200, ENFANTS));

        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/2024/structure/enfants/deplacer")
                .body(form(Map.of("position", "1", "revision", "3", "sens", "monter"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/structure?deplace=enfants&sens=monter");

        Received move = only(CONTENT, "POST", "/api/editions/2024/chapters/enfants/move");
        assertThat(JSON.readTree(move.body())).isEqualTo(JSON.readTree("{\"position\": 1}"));
        assertThat(move.header(HttpHeaders.IF_MATCH)).isEqualTo("\"3\"");
        assertThat(callerOf(move)).isEqualTo(CLAIRE.accountId());

        String page = get(CLAIRE, "/studio/2024/structure?deplace=enfants&sens=monter");
        assertThat(page).contains("« Enfants » est maintenant en position 2.", "data-move=\"monter\" autofocus",
                "<label for=\"team-enfants\">Équipe</label>");
    }

    @Test
    void aDeletedChapterIsNamedByItsTitleFromItsHistoryNotByItsIdentifier() {
        CONTENT.answer("GET", "/api/editions/2024/chapters", json(200, CHAPTERS));
        CONTENT.answer("GET", "/api/editions/2024/chapters/essai-studio/revisions", json(200, """
                [{"revision": 2, "deleted": true, "updatedByName": "Claire Dubois", "updatedAt": "2026-12-01T10:00:00Z"},
                 {"revision": 1, "updatedByName": "Claire Dubois", "updatedAt": "2026-12-01T09:00:00Z"}]"""));
        CONTENT.answer("GET", "/api/editions/2024/chapters/essai-studio/revisions/1", json(200,
                "{\"slug\": \"essai-studio\", \"title\": \"Essai du studio\", \"body\": \"x\", \"revision\": 1}"));

        String page = get(CLAIRE, "/studio/2024/structure?supprime=essai-studio");

        assertThat(page).contains("Le chapitre « Essai du studio » a été supprimé du rapport", "<a href=\"/studio/2024/chapitres/essai-studio/historique\">Voir son historique</a>").doesNotContain("« essai-studio »");
    }

    @Test
    void aNewChapterIsCreatedWithIfNoneMatchAndAnExistingSlugIsSaidBesideTheField() {
        CONTENT.answer("GET", "/api/editions/2024/chapters", json(200, CHAPTERS));
        CONTENT.answer("PUT", "/api/editions/2024/chapters/enfants", new Answer(412, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                "{\"status\": 412, \"detail\": \"exists\"}", Map.of(), Duration.ZERO));

        String page = signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/2024/structure")
                .body(form(Map.of("slug", "enfants", "title", "Enfants bis", "ownerTeam", "enfants", "position", "", "body", "À écrire."))).exchange()
                .expectStatus().isEqualTo(412).expectBody(String.class).returnResult().getResponseBody();

        Received create = only(CONTENT, "PUT", "/api/editions/2024/chapters/enfants");
        assertThat(create.header(HttpHeaders.IF_NONE_MATCH)).isEqualTo("*");
        assertThat(JSON.readTree(create.body())).isEqualTo(JSON.readTree(
                "{\"title\": \"Enfants bis\", \"body\": \"À écrire.\", \"ownerTeam\": \"enfants\"}"));
        assertThat(page).contains("role=\"alert\"", "Un chapitre porte déjà cet identifiant", "aria-invalid=\"true\"", "value=\"Enfants bis\"");
        assertThat(page).as("the focus on the field to correct, at the end of a long page").contains("<input id=\"slug\" autofocus name=\"slug\"")
                .doesNotContain("<input id=\"title\" autofocus");
    }

    @Test
    void theHistoryListsRevisionsNewestFirstPagedAsTheApiPagesThemAndOffersRestoreToTheTeamOnly() {
        CONTENT.answer("GET", "/api/editions/2024/chapters/enfants", new Answer(200, "application/json", ENFANTS, Map.of("ETag", "\"3\""), Duration.ZERO));
        CONTENT.answer("GET", "/api/editions/2024/chapters/enfants/revisions", new Answer(200, "application/json", """
                [{"revision": 2, "updatedAt": "2026-12-01T08:00:00Z", "updatedBy": "demo-enfants", "updatedByName": "Amina Diallo",
                  "changed": ["body"], "deleted": false},
                 {"revision": 3, "updatedAt": "2026-12-04T09:05:00Z", "updatedBy": "demo-admin", "updatedByName": "Claire Dubois",
                  "changed": ["position", "ownerTeam"], "deleted": false}]""",
                Map.of("Link", "</api/editions/2024/chapters/enfants/revisions?before=2&limit=2>; rel=\"next\""), Duration.ZERO));

        String page = get(AMINA, "/studio/2024/chapitres/enfants/historique");

        assertThat(page).contains("Historique de « Enfants »", "Claire Dubois", "position, équipe", "Amina Diallo", "texte",
                "href=\"/studio/2024/chapitres/enfants/historique?avant=2\" rel=\"next\">Révisions plus anciennes",
                "href=\"/studio/2024/chapitres/enfants/historique/2/restaurer\"");
        assertThat(page.indexOf("id=\"revision-3\"")).isLessThan(page.indexOf("id=\"revision-2\""));
        assertThat(page).doesNotContain("historique/3/restaurer");
        assertThat(CONTENT.received()).extracting(Received::pathAndQuery).contains("/api/editions/2024/chapters/enfants/revisions?limit=2");

        Caller ines = new Caller("demo-defenseurs", "Inès Benali", Set.of(Role.MEMBER), Set.of("defenseurs"), null);
        assertThat(get(ines, "/studio/2024/chapitres/enfants/historique")).doesNotContain("/restaurer");
    }

    @Test
    void aComparisonMarksAdditionsAndDeletionsInWordsAndARestoreIsSentWithTheRevisionConfirmed() {
        CONTENT.answer("GET", "/api/editions/2024/chapters/enfants", new Answer(200, "application/json", ENFANTS, Map.of("ETag", "\"3\""), Duration.ZERO));
        CONTENT.answer("GET", "/api/editions/2024/chapters/enfants/diff", json(200, """
                {"from": 1, "to": 3, "changed": ["body", "position"], "fromDeleted": false, "toDeleted": false,
                 "diff": "--- body (revision 1)\\n+++ body (revision 3)\\n@@ -1,2 +1,2 @@\\n Les enfants.\\n--- un tiret\\n+Avec le réseau.\\n"}"""));
        CONTENT.answer("POST", "/api/editions/2024/chapters/enfants/revisions/1/restore",
                new Answer(200, "application/json", ENFANTS.replace("\"revision\": 3", "\"revision\": 4"), Map.of("ETag", "\"4\""), Duration.ZERO));

        String comparison = get(AMINA, "/studio/2024/chapitres/enfants/historique/comparer?de=1&a=3");
        assertThat(comparison).contains("De la révision 1 à la révision 3 de « Enfants »", "Ce qui a changé : texte, position.",
                "<del><span class=\"visually-hidden\">Supprimé : </span>-- un tiret</del>",
                "<ins><span class=\"visually-hidden\">Ajouté : </span>Avec le réseau.</ins>",
                "href=\"/studio/2024/chapitres/enfants/historique/1/restaurer\"");

        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/historique/1/restaurer")
                .body(form(Map.of("current", "3"))).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants/historique?restauree=1&nouvelle=4");
        Received restore = only(CONTENT, "POST", "/api/editions/2024/chapters/enfants/revisions/1/restore");
        assertThat(restore.header(HttpHeaders.IF_MATCH)).isEqualTo("\"3\"");
        assertThat(callerOf(restore)).isEqualTo(AMINA.accountId());
    }

    @Test
    void anIndicatorsRevisionsAreComparedFieldByFieldInTheGatewayItsApiHavingNoDiff() {
        String indicator = """
                {"edition": "2024", "id": "children.detained", "label": "Enfants détenus", "type": "integer", "value": %s, "unit": "cas",
                 "ownerTeam": "enfants", "revision": %d, "updatedAt": "2026-03-01T10:00:00Z", "updatedByName": "Amina Diallo"}""";
        FIGURES.answer("GET", "/api/editions/2024/indicators/children.detained", json(200, indicator.formatted("4500", 2)));
        FIGURES.answer("GET", "/api/editions/2024/indicators/children.detained/revisions/1", json(200, indicator.formatted("4445", 1)));
        FIGURES.answer("GET", "/api/editions/2024/indicators/children.detained/revisions/2", json(200, indicator.formatted("4500", 2)));

        String page = get(AMINA, "/studio/2024/chiffres/children.detained/historique/comparer?de=1&a=2");

        assertThat(page).contains("De la révision 1 à la révision 2 de « Enfants détenus »", "Ce qui a changé : valeur.",
                "<h3>Valeur</h3>", "<del><span class=\"visually-hidden\">Supprimé : </span>4445</del>",
                "<ins><span class=\"visually-hidden\">Ajouté : </span>4500</ins>",
                "href=\"/studio/2024/chiffres/children.detained/historique/1/restaurer\"");
        assertThat(CONTENT.received()).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503PageInFrench() {
        StudioProperties properties = new StudioProperties(List.of("2024"), ZoneId.of("Europe/Zurich"), 50);
        StudioPages pages = new StudioPages(new StudioLabels(properties), properties);
        BackendClient down = new BackendClient(WebClient.builder(), StubService.downServiceUri(), ASSERTIONS, Duration.ofSeconds(2));
        WebTestClient unavailable = WebTestClient.bindToRouterFunction(HomeConfiguration.routes(pages, new Backends(down, down, down), List.of()))
                .webFilter(new CsrfWebFilter()).apply(springSecurity()).configureClient().build();

        unavailable.mutateWith(mockAuthentication(new CallerAuthentication(AMINA))).get().uri("/studio").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).value(page -> assertThat(page).contains("Service momentanément indisponible")
                        .doesNotContain("Exception"));
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

    private static String callerOf(Received request) {
        return StubCalls.callerOf(ASSERTIONS, request);
    }
}
