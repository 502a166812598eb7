package org.reportplatform.gateway.studio;

import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.testing.RenderedOutputs;
import org.reportplatform.schemas.Topics;

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
import org.reportplatform.gateway.studio.chapters.ChapterEditorConfiguration;
import org.reportplatform.gateway.studio.editions.EditionsConfiguration;
import org.reportplatform.gateway.studio.figures.StudioFiguresConfiguration;
import org.reportplatform.gateway.studio.history.HistoryConfiguration;
import org.reportplatform.gateway.studio.translations.TranslationsConfiguration;
import org.reportplatform.gateway.testing.StubCalls;
import org.reportplatform.gateway.testing.StubService;
import org.reportplatform.gateway.testing.StubService.Received;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.CallerAuthentication;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.security.SecurityProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The studio's editions, translations, closed-edition and indicator-texts pages against stand-in
 * services: what each page shows of the editions and translations APIs' answers, who is offered
 * which control, and what each form sends as the signed-in person. The whole platform in a
 * browser: {@code StudioTranslationsInABrowserTest} (system-tests).
 */
class EditionsAndTranslationsPagesTest {

    private static final StubService CONTENT = StubService.start();
    private static final StubService FIGURES = StubService.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CallerAssertions ASSERTIONS = new CallerAssertions(new SecurityProperties(
            "a-test-assertion-key-of-at-least-32-bytes!", Duration.ofMinutes(2), null, null, List.of()), Clock.systemUTC());

    private static final Caller NADIA = new Caller("demo-migrants", "Nadia Haddad", Set.of(Role.MEMBER), Set.of("migrants"), null);
    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);
    private static final Caller CLAIRE = new Caller("demo-admin", "Claire Dubois", Set.of(Role.ADMIN), Set.of(), null);

    private static final String EDITIONS = """
            [{"edition": "2025", "title": "Rapport annuel 2025", "titles": {}, "sourceLanguage": "fr", "targetLanguages": ["en", "es"],
              "status": "preparing", "staleNotice": true, "copiedFrom": "2024", "publishedAt": null, "closedAt": null, "revision": 1},
             {"edition": "2024", "title": "Rapport annuel 2024", "titles": {"en": "Annual report 2024"}, "sourceLanguage": "fr",
              "targetLanguages": ["en", "es"], "status": "published", "staleNotice": true, "copiedFrom": null,
              "publishedAt": "2024-06-01T08:00:00Z", "closedAt": null, "revision": 1},
             {"edition": "2023", "title": "Rapport annuel 2023", "titles": {}, "sourceLanguage": "fr", "targetLanguages": ["en"],
              "status": "closed", "staleNotice": true, "copiedFrom": null, "publishedAt": "2023-06-01T08:00:00Z",
              "closedAt": "2024-01-15T08:00:00Z", "revision": 3}]""";
    private static final String E2024 = """
            {"edition": "2024", "title": "Rapport annuel 2024", "titles": {}, "sourceLanguage": "fr", "targetLanguages": ["en", "es"],
             "status": "published", "staleNotice": true, "revision": 1}""";
    private static final String E2023 = """
            {"edition": "2023", "title": "Rapport annuel 2023", "titles": {}, "sourceLanguage": "fr", "targetLanguages": ["en"],
             "status": "closed", "staleNotice": true, "revision": 3}""";
    private static final String MIGRANTS = """
            {"edition": "2024", "slug": "migrants", "title": "Migrants", "body": "Un texte corrigé.", "position": 9, "ownerTeam": "migrants",
             "language": "fr", "revision": 5, "updatedAt": "2026-12-04T09:05:00Z", "updatedByName": "Nadia Haddad"}""";
    private static final String STALE_TRANSLATION = """
            {"edition": "2024", "slug": "migrants", "language": "en", "title": "Migrants", "body": "An old text.", "sourceRevision": 3,
             "translatorTeam": null, "ownerTeam": "migrants", "status": "stale", "chapterRevision": 5, "sourceTextRevision": 5,
             "revision": 2, "updatedAt": "2026-12-03T09:05:00Z", "updatedBy": "demo-migrants", "updatedByName": "Nadia Haddad"}""";

    private final WebTestClient web = WebTestClient
            .bindToRouterFunction(routes())
            .webFilter(new CsrfWebFilter())
            .apply(springSecurity())
            .configureClient()
            .baseUrl("https://rapport.example.org")
            .build();

    private static final SiteView SITE = new SiteView(List.of(Topics.PAGES.name()));

    private static RouterFunction<ServerResponse> routes() {
        StudioProperties properties = new StudioProperties(List.of("2024"), ZoneId.of("Europe/Zurich"), 50);
        StudioPages pages = new StudioPages(new StudioLabels(properties), properties);
        Backends backends = new Backends(
                new BackendClient(WebClient.builder(), CONTENT.uri(), ASSERTIONS, Duration.ofSeconds(5)),
                new BackendClient(WebClient.builder(), FIGURES.uri(), ASSERTIONS, Duration.ofSeconds(5)),
                new BackendClient(WebClient.builder(), StubService.downServiceUri(), ASSERTIONS, Duration.ofSeconds(5)));
        return EditionsConfiguration.routes(pages, backends)
                .and(EditionsConfiguration.publishedReportRoute(pages, SITE))
                .and(TranslationsConfiguration.routes(pages, backends))
                .and(HistoryConfiguration.routes(pages, backends))
                .and(ChapterEditorConfiguration.routes(backends, null, pages))
                .and(StudioFiguresConfiguration.routes(backends, pages));
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
    void theEditionsPageListsEveryEditionWithItsStateAndOffersAdminsTheirActions() {
        CONTENT.answer("GET", "/api/editions", json(200, EDITIONS));

        String admin = get(CLAIRE, "/studio/editions");
        assertThat(admin).contains("<span class=\"badge draft\">En préparation</span>", "<span class=\"badge published\">Publiée</span>",
                "<span class=\"badge closed\">Close</span>", "français → anglais, espagnol", "préparée à partir de 2024",
                "href=\"/studio/editions/2025/publier\"", "href=\"/studio/editions/2024/clore\"", "Préparer l’édition suivante",
                "value=\"2026\"");
        assertThat(admin).doesNotContain("href=\"/studio/editions/2023/clore\"", "href=\"/studio/editions/2024/publier\"",
                "href=\"/2025/\"");

        String member = get(AMINA, "/studio/editions");
        assertThat(member).contains("Rapport annuel 2025", "En préparation")
                .doesNotContain("Préparer l’édition suivante", "/publier", "/clore");
        CONTENT.received().forEach(request -> assertThat(callerOf(request)).isIn(CLAIRE.accountId(), AMINA.accountId()));
    }

    @Test
    void seeingThePublishedReportLeadsToTheEditionsPagesOnceTheSiteHasThemAndSaysWhyNotBefore() {
        String notYet = get(NADIA, "/studio/2031/site");
        assertThat(notYet).contains("<h1>L’édition 2031 n’est pas encore sur le site</h1>", "href=\"/studio/2031/site\">Voir le rapport publié");

        SITE.apply(Topics.PAGES.name(), "/2031/", RenderedOutputs.html("/2031/", "<h1>Rapport annuel 2031</h1>"));

        signedIn(NADIA).get().uri("/studio/2031/site").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/2031/");
    }

    @Test
    void anAdminChangesAnEditionsTitlesAndStaleNoticeOnTheRevisionSheReadAndAChangeMeanwhileIsNeverOverwritten() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        String form = get(CLAIRE, "/studio/editions/2024/reglages");
        assertThat(form).contains("<label for=\"title\">Titre (français)</label>", "<label for=\"title-en\">Titre (anglais)</label>",
                "<label for=\"title-es\">Titre (espagnol)</label>", "name=\"revision\" value=\"1\"",
                "<label for=\"staleNotice\">Le signaler aux lecteurs</label>",
                "<label for=\"accessibilityBlocking\">Refuser de publier un texte qui a des points d’accessibilité à vérifier</label>");
        assertThat(form).containsPattern("id=\"staleNotice\"[^>]*checked");
        assertThat(form).doesNotContainPattern("id=\"accessibilityBlocking\"[^>]*checked");

        CONTENT.answer("PUT", "/api/editions/2024", json(200, E2024));
        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/editions/2024/reglages")
                .body(form(Map.of("title", "Rapport annuel 2024", "title-en", "Annual report 2024", "title-es", "", "revision", "1",
                        "accessibilityBlocking", "on")))
                .exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/editions?fait=modifiee&edition=2024");
        Received put = only(CONTENT, "PUT", "/api/editions/2024");
        assertThat(put.header("If-Match")).isEqualTo("\"1\"");
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("""
                {"title": "Rapport annuel 2024", "titles": {"en": "Annual report 2024"}, "targetLanguages": ["en", "es"], "staleNotice": false,
                 "accessibilityBlocking": true}"""));

        // Read at revision 1; someone else made it revision 2 meanwhile: nothing is sent, the form says so with the edition as it is now
        CONTENT.reset();
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024.replace("\"revision\": 1", "\"revision\": 2")));
        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/editions/2024/reglages")
                .body(form(Map.of("title", "Un autre titre", "staleNotice", "on", "revision", "1"))).exchange()
                .expectStatus().isEqualTo(412).expectBody(String.class)
                .value(page -> assertThat(page).contains("Quelqu’un a modifié cette édition", "value=\"Rapport annuel 2024\""));
        assertThat(CONTENT.received()).noneMatch(request -> request.method().equals("PUT"));

        signedIn(AMINA).get().uri("/studio/editions/2024/reglages").exchange().expectStatus().isForbidden();
    }

    @Test
    void aDatasetsWordsAreTranslatedPerLanguageOnTheRevisionReadAndTheCellsAreSentAsTheyAre() {
        String dataset = """
                {"id": "revenus", "title": "Revenus par source", "columns": [{"name": "Source", "type": "text"}, {"name": "Montant", "type": "number"}],
                 "rows": [["Gouvernements", "3200000"]], "unit": "CHF", "source": null, "ownerTeam": "donateurs-finances", "revision": 4,
                 "texts": {"en": {"title": "Income by source", "columnLabels": ["Source", "Amount"], "unit": "CHF", "source": null}}}""";
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        FIGURES.answer("GET", "/api/editions/2024/datasets/revenus", json(200, dataset));

        String page = get(CLAIRE, "/studio/2024/donnees/revenus/textes");
        assertThat(page).contains("<legend>Textes en anglais</legend>", "<legend>Textes en espagnol</legend>",
                "<label for=\"texts-en-column-1\">Colonne « Montant » (anglais)</label>", "value=\"Amount\"",
                "<label for=\"texts-es-title\">Titre (espagnol)</label>", "name=\"revision\" value=\"4\"");

        FIGURES.answer("PUT", "/api/editions/2024/datasets/revenus", json(200, dataset.replace("\"revision\": 4", "\"revision\": 5")));
        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/2024/donnees/revenus/textes")
                .body(form(Map.of("revision", "4", "texts.en.title", "Income by source (illustrative)", "texts.en.column.0", "Source",
                        "texts.en.column.1", "Amount", "texts.en.unit", "CHF", "texts.es.title", "Ingresos por fuente",
                        "texts.es.column.0", "Fuente", "texts.es.column.1", "Importe"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/donnees/revenus/textes?enregistre=5");
        Received put = only(FIGURES, "PUT", "/api/editions/2024/datasets/revenus");
        assertThat(put.header(HttpHeaders.IF_MATCH)).isEqualTo("\"4\"");
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("""
                {"title": "Revenus par source", "columns": [{"name": "Source", "type": "text"}, {"name": "Montant", "type": "number"}],
                 "rows": [["Gouvernements", "3200000"]], "unit": "CHF", "source": null,
                 "texts": {"en": {"title": "Income by source (illustrative)", "columnLabels": ["Source", "Amount"], "unit": "CHF", "source": null},
                           "es": {"title": "Ingresos por fuente", "columnLabels": ["Fuente", "Importe"], "unit": null, "source": null}}}"""));

        // A blank column label is refused beside its field, in French, and the typed words stay
        FIGURES.answer("PUT", "/api/editions/2024/datasets/revenus", json(400, """
                {"status": 400, "errors": [{"field": "texts.es.columnLabels[1]", "problem": "must not be blank"}]}"""));
        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/2024/donnees/revenus/textes")
                .body(form(Map.of("revision", "5", "texts.es.title", "Ingresos por fuente", "texts.es.column.0", "Fuente"))).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).value(refused -> assertThat(refused)
                        .contains("<p class=\"field-error\" id=\"texts-es-column-1-error\">", "Ce champ ne peut pas rester vide.",
                                "value=\"Ingresos por fuente\""));

        // Someone of another team reads the words and cannot send any
        FIGURES.reset();
        FIGURES.answer("GET", "/api/editions/2024/datasets/revenus", json(200, dataset));
        assertThat(get(AMINA, "/studio/2024/donnees/revenus/textes")).contains("vous pouvez lire ses textes, pas les modifier")
                .doesNotContain("Enregistrer les textes");
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/donnees/revenus/textes")
                .body(form(Map.of("revision", "4", "texts.en.title", "Mine"))).exchange().expectStatus().isForbidden();
        assertThat(FIGURES.received()).noneMatch(request -> request.method().equals("PUT"));
    }

    @Test
    void anAdminPreparesTheNextEditionFromAnExistingOneAndAnExistingYearIsSaidBesideTheField() {
        CONTENT.answer("GET", "/api/editions", json(200, EDITIONS));
        CONTENT.answer("POST", "/api/editions/2026", json(201, """
                {"edition": "2026", "title": "Rapport annuel 2026", "sourceLanguage": "fr", "targetLanguages": ["en", "es"],
                 "status": "preparing", "copiedFrom": "2024", "revision": 1}"""));

        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/editions")
                .body(form(Map.of("edition", "2026", "from", "2024", "title", ""))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/editions?fait=preparee&edition=2026");
        Received prepare = only(CONTENT, "POST", "/api/editions/2026");
        assertThat(JSON.readTree(prepare.body())).isEqualTo(JSON.readTree("{\"from\": \"2024\"}"));
        assertThat(callerOf(prepare)).isEqualTo(CLAIRE.accountId());

        CONTENT.answer("POST", "/api/editions/2025", json(409, """
                {"status": 409, "detail": "edition 2025 exists", "errors": [{"field": "edition", "problem": "edition 2025 exists"}]}"""));
        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/editions")
                .body(form(Map.of("edition", "2025", "from", "2024"))).exchange()
                .expectStatus().isEqualTo(409).expectBody(String.class)
                .value(page -> assertThat(page).contains("L’édition 2025 existe déjà : choisissez une autre année.", "aria-invalid=\"true\""));
    }

    @Test
    void publishingAndClosingAreConfirmedSayingWhatTheyDoAndRefusedToMembersWithoutAnyApiCall() {
        CONTENT.answer("GET", "/api/editions/2025", json(200, """
                {"edition": "2025", "title": "Rapport annuel 2025", "sourceLanguage": "fr", "targetLanguages": ["en"], "status": "preparing",
                 "revision": 1}"""));
        CONTENT.answer("POST", "/api/editions/2025:publish", json(200, "{\"edition\": \"2025\", \"status\": \"published\", \"revision\": 2}"));

        assertThat(get(CLAIRE, "/studio/editions/2025/publier")).contains("Publier l’édition 2025 ?", "devient publique",
                "<button type=\"submit\" id=\"confirm\" autofocus>Publier l’édition 2025</button>");
        signedIn(CLAIRE).mutateWith(csrf()).post().uri("/studio/editions/2025/publier").exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/editions?fait=publiee&edition=2025");
        assertThat(callerOf(only(CONTENT, "POST", "/api/editions/2025:publish"))).isEqualTo(CLAIRE.accountId());

        CONTENT.reset();
        signedIn(AMINA).get().uri("/studio/editions/2025/clore").exchange().expectStatus().isForbidden();
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/editions/2025/clore").exchange().expectStatus().isForbidden();
        assertThat(CONTENT.received()).isEmpty();
    }

    @Test
    void aChaptersPageShowsEachTranslationsStateAndTheLinkThatActsOnIt() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants", json(200, MIGRANTS));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/draft", json(404, "{}"));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations", json(200, """
                [{"language": "en", "status": "stale", "revision": 2, "sourceRevision": 3, "translatorTeam": null},
                 {"language": "es", "status": "missing", "revision": null, "sourceRevision": null, "translatorTeam": null}]"""));

        String page = get(NADIA, "/studio/2024/chapitres/migrants");

        assertThat(page).contains("<h2 id=\"translations-title\">Traductions</h2>",
                "<span class=\"badge stale\">À mettre à jour</span>", "traduit de la révision 3",
                "href=\"/studio/2024/chapitres/migrants/traductions/en\">Mettre à jour la traduction",
                "<span class=\"badge missing\">Manquante</span>",
                "href=\"/studio/2024/chapitres/migrants/traductions/es\">Traduire en espagnol");

        // Someone of another team may read the English translation, and is offered nothing to write
        assertThat(get(AMINA, "/studio/2024/chapitres/migrants")).contains("Lire la traduction", "Manquante")
                .doesNotContain("Traduire en espagnol", "Mettre à jour la traduction");
    }

    @Test
    void aStaleTranslationShowsTheSourcesChangesAndTheTextIsSavedAsTheTranslationsDraft() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants", json(200, MIGRANTS));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en/draft", json(404, "{\"status\": 404}"));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en", json(200, STALE_TRANSLATION));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/diff", json(200, """
                {"from": 3, "to": 5, "changed": ["body"], "fromDeleted": false, "toDeleted": false,
                 "diff": "--- body (revision 3)\\n+++ body (revision 5)\\n@@ -1 +1 @@\\n-Un texte.\\n+Un texte corrigé.\\n"}"""));
        CONTENT.answer("PUT", "/api/editions/2024/chapters/migrants/translations/en/draft", json(201, """
                {"edition": "2024", "slug": "migrants", "language": "en", "title": "Migrants", "body": "A corrected text.", "baseRevision": 2,
                 "chapterRevision": 2, "stale": false, "ownerTeam": "migrants", "review": "editing", "reviewRequired": false, "notes": [],
                 "schedule": null, "revision": 1, "updatedAt": "2025-06-20T08:12:03.120Z", "updatedBy": "nadia", "updatedByName": "Nadia Haddad"}"""));

        String page = get(NADIA, "/studio/2024/chapitres/migrants/traductions/en");

        assertThat(page).contains("<span class=\"badge stale\" id=\"translation-state\">À mettre à jour</span>",
                "Le texte français a changé depuis cette traduction", "<del><span class=\"visually-hidden\">Supprimé : </span>Un texte.</del>",
                "<ins><span class=\"visually-hidden\">Ajouté : </span>Un texte corrigé.</ins>",
                "lang=\"fr\"", "<pre class=\"chapter-source\"", "Un texte corrigé.</pre>",
                "lang=\"en\" value=\"Migrants\"", "lang=\"en\"", "An old text.</textarea>", "Enregistrer le brouillon", "Publier",
                "Demander une relecture", "Programmer la publication", "data-preview=\"/preview/2024/en/migrants?live\"",
                "href=\"/studio/2024/chapitres/migrants/traductions/en/historique\"")
                .doesNotContain("translatorTeam");
        assertThat(only(CONTENT, "GET", "/api/editions/2024/chapters/migrants/diff?from=3&to=5")).isNotNull();

        signedIn(NADIA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/migrants/traductions/en")
                .body(form(Map.of("title", "Migrants", "body", "A corrected text.", "draft", ""))).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/migrants/traductions/en?fait=brouillon");
        Received put = only(CONTENT, "PUT", "/api/editions/2024/chapters/migrants/translations/en/draft");
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree("{\"title\": \"Migrants\", \"body\": \"A corrected text.\"}"));
        assertThat(put.header(HttpHeaders.IF_NONE_MATCH)).isEqualTo("*");
        assertThat(callerOf(put)).isEqualTo(NADIA.accountId());
        assertThat(CONTENT.received()).noneMatch(request -> request.method().equals("PUT")
                && request.pathAndQuery().equals("/api/editions/2024/chapters/migrants/translations/en"));
    }

    @Test
    void aDraftSavedMeanwhileKeepsThePersonsTextAndSaysSo() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants", json(200, MIGRANTS));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en/draft", json(404, "{\"status\": 404}"));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en",
                json(200, STALE_TRANSLATION.replace("\"revision\": 2", "\"revision\": 3").replace("\"stale\"", "\"translated\"")));
        CONTENT.answer("PUT", "/api/editions/2024/chapters/migrants/translations/en/draft", json(412, "{\"status\": 412}"));

        signedIn(NADIA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/migrants/traductions/en")
                .body(form(Map.of("title", "Migrants", "body", "My own text.", "draft", "2"))).exchange()
                .expectStatus().isEqualTo(412).expectBody(String.class).value(page -> assertThat(page)
                        .contains("Quelqu’un a enregistré ce brouillon pendant que vous écriviez", "My own text.</textarea>"));
    }

    @Test
    void aScheduledTranslationDraftIsShownWithItsTimeAndItsScheduleIsCancelledOnTheRevisionShown() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants", json(200, MIGRANTS));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en",
                json(200, STALE_TRANSLATION.replace("\"stale\"", "\"translated\"")));
        String draft = """
                {"edition": "2024", "slug": "migrants", "language": "en", "title": "Migrants", "body": "A draft.", "baseRevision": 2,
                 "chapterRevision": 2, "stale": false, "ownerTeam": "migrants", "review": "editing", "reviewRequired": false,
                 "notes": [{"kind": "scheduled", "at": "2025-06-20T08:12:03.120Z", "actor": "nadia", "actorName": "Nadia Haddad", "draftRevision": 4}],
                 "schedule": {"at": "2025-06-26T07:00:00Z", "localDateTime": "2025-06-26T09:00", "timeZone": "Europe/Zurich"},
                 "revision": 5, "updatedAt": "2025-06-20T08:12:03.120Z", "updatedBy": "nadia", "updatedByName": "Nadia Haddad"}""";
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en/draft", json(200, draft));
        CONTENT.answer("POST", "/api/editions/2024/chapters/migrants/translations/en/draft:unschedule", json(200, draft));

        assertThat(get(NADIA, "/studio/2024/chapitres/migrants/traductions/en")).contains("Brouillon en cours", "Programmé le",
                "A draft.</textarea>", "id=\"unschedule\"", "src=\"/preview/2024/en/migrants?live\"");

        signedIn(NADIA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/migrants/traductions/en/deprogrammer")
                .body(form(Map.of("draft", "5"))).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/migrants/traductions/en?fait=deprogrammee");
        assertThat(only(CONTENT, "POST", "/api/editions/2024/chapters/migrants/translations/en/draft:unschedule")
                .header(HttpHeaders.IF_MATCH)).isEqualTo("\"5\"");

        // Discarding it says what is lost and what stays, then closes the draft on the revision shown
        assertThat(get(NADIA, "/studio/2024/chapitres/migrants/traductions/en/abandonner")).contains(
                "Abandonner le brouillon de la traduction en anglais ?", "n’aura pas lieu", "elle reste telle qu’elle est publiée (révision 2)",
                "name=\"draft\" value=\"5\"");
        CONTENT.answer("DELETE", "/api/editions/2024/chapters/migrants/translations/en/draft", json(204, ""));
        signedIn(NADIA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/migrants/traductions/en/abandonner")
                .body(form(Map.of("draft", "5"))).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/migrants/traductions/en?fait=abandonne");
        assertThat(only(CONTENT, "DELETE", "/api/editions/2024/chapters/migrants/translations/en/draft")
                .header(HttpHeaders.IF_MATCH)).isEqualTo("\"5\"");
    }

    @Test
    void someoneOfAnotherTeamReadsTheTranslationWithoutAForm() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants", json(200, MIGRANTS));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en/draft", json(404, "{\"status\": 404}"));
        CONTENT.answer("GET", "/api/editions/2024/chapters/migrants/translations/en",
                json(200, STALE_TRANSLATION.replace("\"stale\"", "\"translated\"")));

        assertThat(get(AMINA, "/studio/2024/chapitres/migrants/traductions/en"))
                .contains("vous pouvez la lire, mais pas la modifier", "An old text.</pre>")
                .doesNotContain("Enregistrer le brouillon", "<textarea");
    }

    @Test
    void theStatusPageShowsEveryChapterPerLanguageAndTheCountsPerTeam() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        CONTENT.answer("GET", "/api/editions/2024/translations", json(200, """
                {"edition": "2024", "sourceLanguage": "fr", "targetLanguages": ["en", "es"],
                 "chapters": [{"slug": "migrants", "title": "Migrants", "ownerTeam": "migrants", "position": 9,
                   "languages": {"en": {"status": "stale", "revision": 2, "sourceRevision": 3, "translatorTeam": null},
                                 "es": {"status": "missing", "revision": null, "sourceRevision": null, "translatorTeam": null}}},
                  {"slug": "defenseurs", "title": "Défenseurs", "ownerTeam": "defenseurs", "position": 2,
                   "languages": {"en": {"status": "translated", "revision": 1, "sourceRevision": 1, "translatorTeam": "traduction"},
                                 "es": {"status": "missing", "revision": null, "sourceRevision": null, "translatorTeam": null}}}],
                 "teams": [{"team": "defenseurs", "translated": 1, "stale": 0, "missing": 1},
                           {"team": "migrants", "translated": 0, "stale": 1, "missing": 1}]}"""));

        String page = get(AMINA, "/studio/2024/traductions");

        assertThat(page).contains("<th scope=\"col\">Anglais</th><th scope=\"col\">Espagnol</th>",
                "href=\"/studio/2024/chapitres/migrants/traductions/en\" class=\"badge stale\">À mettre à jour",
                "class=\"badge translated\">Traduit", "class=\"badge missing\">Manquant", "par traduction",
                "<tr><th scope=\"row\">migrants</th><td data-label=\"Traduits\" class=\"num\">0</td><td data-label=\"À mettre à jour\" class=\"num\">1</td>",
                "traduit en anglais et espagnol");
        // report order: Défenseurs (position 2) before Migrants (position 9)
        assertThat(page.indexOf("traductions-defenseurs")).isLessThan(page.indexOf("traductions-migrants"));
    }

    @Test
    void aClosedEditionIsReadOnlyAndItsChaptersTeamPublishesAnErratumOnTheRevisionItSaw() {
        CONTENT.answer("GET", "/api/editions/2023", json(200, E2023));
        CONTENT.answer("GET", "/api/editions/2023/chapters/migrants", json(200, MIGRANTS.replace("2024", "2023")));
        CONTENT.answer("GET", "/api/editions/2023/chapters/migrants/draft", json(404, "{}"));
        CONTENT.answer("PUT", "/api/editions/2023/chapters/migrants", json(200, MIGRANTS.replace("2024", "2023")));

        String page = get(NADIA, "/studio/2023/chapitres/migrants");
        assertThat(page).contains("Édition close", "Publier un erratum", "id=\"erratum\"", "Un texte corrigé.</textarea>")
                .doesNotContain("id=\"publish\"", "Soumettre pour relecture", "data-autosave");
        assertThat(get(AMINA, "/studio/2023/chapitres/migrants")).contains("Édition close").doesNotContain("Publier un erratum");

        signedIn(NADIA).mutateWith(csrf()).post().uri("/studio/2023/chapitres/migrants/erratum")
                .body(form(Map.of("erratum", "un chiffre corrigé", "title", "Migrants", "body", "Le texte juste.", "revision", "5"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2023/chapitres/migrants?fait=erratum");
        Received put = only(CONTENT, "PUT", "/api/editions/2023/chapters/migrants");
        assertThat(JSON.readTree(put.body())).isEqualTo(JSON.readTree(
                "{\"title\": \"Migrants\", \"body\": \"Le texte juste.\", \"erratum\": \"un chiffre corrigé\"}"));
        assertThat(put.header(HttpHeaders.IF_MATCH)).isEqualTo("\"5\"");

        CONTENT.reset();
        CONTENT.answer("GET", "/api/editions/2023", json(200, E2023));
        CONTENT.answer("GET", "/api/editions/2023/chapters/migrants", json(200, MIGRANTS.replace("2024", "2023")));
        signedIn(NADIA).mutateWith(csrf()).post().uri("/studio/2023/chapitres/migrants/erratum")
                .body(form(Map.of("erratum", " ", "title", "Migrants", "body", "Le texte juste.", "revision", "5"))).exchange()
                .expectStatus().isBadRequest().expectBody(String.class)
                .value(body -> assertThat(body).contains("Dites en une phrase ce qui a été corrigé", "Le texte juste.</textarea>"));
        assertThat(CONTENT.received()).noneMatch(request -> request.method().equals("PUT"));
    }

    @Test
    void theIndicatorEditorAsksForTheWordsOfEachTargetLanguageAndKeepsTheOthers() {
        CONTENT.answer("GET", "/api/editions/2024", json(200, E2024));
        String indicator = """
                {"id": "migrants.cases", "label": "Cas de migrants", "type": "integer", "value": 120, "unit": "cas", "source": "OMCT",
                 "ownerTeam": "migrants", "revision": 4, "texts": {"en": {"label": "Migrant cases", "unit": "cases", "source": "OMCT"},
                 "de": {"label": "Fälle"}}}""";
        FIGURES.answer("GET", "/api/editions/2024/indicators/migrants.cases", json(200, indicator));
        FIGURES.answer("GET", "/api/editions/2024/indicators/migrants.cases/schedule", json(404, "{}"));
        FIGURES.answer("PUT", "/api/editions/2024/indicators/migrants.cases", json(200, indicator));

        String page = get(NADIA, "/studio/2024/chiffres/migrants.cases");
        assertThat(page).contains("<label for=\"texts-en-label\">Libellé (anglais)</label>", "lang=\"en\" value=\"Migrant cases\"",
                "<label for=\"texts-es-label\">Libellé (espagnol)</label>", "Unité (espagnol)", "Source (anglais)");

        Map<String, String> sent = new java.util.LinkedHashMap<>(Map.of("label", "Cas de migrants", "value", "125", "unit", "cas",
                "source", "OMCT", "type", "integer", "revision", "4"));
        sent.putAll(Map.of("texts.en.label", "Migrant cases", "texts.en.unit", "cases", "texts.en.source", "",
                "texts.es.label", "Casos de migrantes", "texts.es.unit", "", "texts.es.source", ""));
        signedIn(NADIA).mutateWith(csrf()).post().uri("/studio/2024/chiffres/migrants.cases").body(form(sent)).exchange()
                .expectStatus().isSeeOther();
        Received put = only(FIGURES, "PUT", "/api/editions/2024/indicators/migrants.cases");
        assertThat(JSON.readTree(put.body()).path("texts")).isEqualTo(JSON.readTree("""
                {"en": {"label": "Migrant cases", "unit": "cases"}, "es": {"label": "Casos de migrantes"}, "de": {"label": "Fälle"}}"""));
    }

    // helpers

    private WebTestClient signedIn(Caller caller) {
        return web.mutateWith(mockAuthentication(new CallerAuthentication(caller)));
    }

    private String get(Caller caller, String path) {
        return signedIn(caller).get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String callerOf(Received request) {
        return StubCalls.callerOf(ASSERTIONS, request);
    }
}
