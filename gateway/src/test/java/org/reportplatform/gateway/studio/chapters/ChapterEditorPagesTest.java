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
 * content, figures and render paths, the drafts API as its contract says): what the page shows and
 * to whom, what saving the draft sends ({@code If-None-Match: *} first, then {@code If-Match}, the
 * person's assertion), the autosave's answers, publishing, the conflict screen on a publication
 * conflict and the merge it saves to the draft, review, scheduling (the hours a zone skips), and
 * the French answers to refusals and to a service that is down, the person's text kept.
 */
class ChapterEditorPagesTest {

    private static final StubService SERVICES = StubService.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecurityProperties SECURITY = new SecurityProperties(
            "a-test-assertion-key-of-at-least-32-bytes!", Duration.ofMinutes(2), null, null, List.of());
    private static final CallerAssertions ASSERTIONS = new CallerAssertions(SECURITY, Clock.systemUTC());
    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);
    private static final Caller LUCAS = new Caller("demo-defenseurs", "Lucas Martin", Set.of(Role.MEMBER), Set.of("defenseurs"), null);
    private static final Caller JEAN = new Caller("demo-reviewer", "Jean Morel", Set.of(Role.REVIEWER), Set.of(), null);

    private static final StudioProperties STUDIO = new StudioProperties(List.of("2024"), ZoneId.of("Europe/Paris"), 50);
    private static final StudioPages PAGES = new StudioPages(new StudioLabels(STUDIO), STUDIO);
    private static final String CHAPTER = "/api/editions/2024/chapters/enfants";
    private static final String PREVIEW = "/api/editions/2024/chapters/enfants/preview";
    private static final String DRAFT = CHAPTER + "/draft";
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
        SERVICES.answer("GET", CHAPTER, chapter(5, "Enfants", "Un.\n\nDeux.\n"));
        SERVICES.answer("GET", DRAFT, problem(404, "no open draft", null));
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Test
    void withoutADraftThePublishedTextIsShownWithItsPreviewAndTheFirstSaveStartsTheDraft() throws Exception {
        EntityExchangeResult<String> result = signedIn(AMINA).get().uri("/studio/2024/chapitres/enfants").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String page = result.getResponseBody();

        assertThat(page).contains("<label for=\"title\">Titre</label>", "<label for=\"body\" id=\"body-label\">Texte</label>",
                "<input type=\"hidden\" name=\"draft\" id=\"draft-revision\" value=\"\">", "Un.\n\nDeux.\n</textarea>",
                "<span class=\"badge published\" id=\"draft-state\">Publié</span>", "Pas encore de brouillon",
                "title=\"Aperçu de la page\" sandbox srcdoc=\"&lt;!DOCTYPE html&gt;", "Publié : révision 5, le 14 mars 2025 à 10:30 par Amina Diallo.",
                ">Enregistrer le brouillon</button>", "formaction=\"/studio/2024/chapitres/enfants/publier\"",
                "data-autosave=\"/studio/2024/chapitres/enfants/brouillon\"", "<legend>Programmer la publication</legend>");
        assertThat(page).doesNotContain("Abandonner le brouillon", "Annuler la programmation");
        String hash = "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(STYLE.getBytes(StandardCharsets.UTF_8))) + "'";
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy")).contains("style-src 'self' " + hash + ";");

        SERVICES.answer("PUT", DRAFT, draft(1, "Enfants", "Un, revu.\n\nDeux.\n", "editing", null));
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants")
                .body(form(Map.of("draft", "", "title", "Enfants", "body", "Un, revu.\r\n\r\nDeux.\r\n"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?fait=brouillon");
        Received put = only("PUT", DRAFT);
        assertThat(put.header(HttpHeaders.IF_NONE_MATCH)).isEqualTo("*");
        assertThat(put.header(HttpHeaders.IF_MATCH)).isNull();
        assertThat(callerOf(put)).isEqualTo(AMINA.accountId());
        assertThat(JSON.readTree(put.body()).path("body").asString()).isEqualTo("Un, revu.\n\nDeux.\n");
        assertThat(JSON.readTree(put.body()).has("baseRevision")).isFalse();
        assertThat(SERVICES.received()).noneMatch(r -> r.method().equals("PUT") && r.pathAndQuery().equals(CHAPTER));
    }

    @Test
    void theDraftIsWhatTheEditorOpensWithItsStateItsRevisionAndTheLivePreviewOfIt() {
        SERVICES.answer("GET", DRAFT, draft(4, "Enfants", "Un, en cours.\n", "editing", null));

        String page = get(AMINA, "/studio/2024/chapitres/enfants?fait=brouillon", 200);

        assertThat(page).contains("<input type=\"hidden\" name=\"draft\" id=\"draft-revision\" value=\"4\">", "Un, en cours.\n</textarea>",
                "<span class=\"badge draft-editing\" id=\"draft-state\">Brouillon</span>",
                "Brouillon enregistré à 11:42. La page publique ne change pas tant que vous ne publiez pas.",
                "<iframe class=\"preview-frame\" id=\"preview-frame\" title=\"Aperçu du brouillon\" src=\"/preview/2024/enfants?live\">",
                "href=\"/preview/2024/enfants.pdf\">Aperçu PDF du chapitre</a>", "Abandonner le brouillon",
                ">Soumettre pour relecture</button>", ">Publier</button>");
        assertThat(SERVICES.received()).noneMatch(r -> r.pathAndQuery().equals(PREVIEW));
    }

    @Test
    void savingTheDraftSendsIfMatchOnItsRevisionAndADraftChangedElsewhereKeepsThePersonsTextOverTheNewRevision() {
        SERVICES.answer("GET", DRAFT, draft(7, "Enfants", "Le texte de Claire.\n", "editing", null));
        SERVICES.answer("PUT", DRAFT, problem(412, "stale", null));

        String page = post(AMINA, "/studio/2024/chapitres/enfants", Map.of("draft", "4", "title", "Enfants", "body", "Mon texte.\n"), 409);

        assertThat(only("PUT", DRAFT).header(HttpHeaders.IF_MATCH)).isEqualTo("\"4\"");
        assertThat(page).contains("Amina Diallo a modifié ce brouillon le 14 mars 2025 à 11:42", "Votre texte n’a pas été enregistré",
                "Mon texte.\n</textarea>", "name=\"draft\" id=\"draft-revision\" value=\"7\"");
        assertThat(page).doesNotContain("Le texte de Claire.");
    }

    @Test
    void theAutosaveAnswersTheRevisionAndTheTimeAndA412SaysWhoChangedTheDraftAndItsRevision() throws Exception {
        SERVICES.answer("PUT", DRAFT, draft(5, "Enfants", "Un.\n", "editing", null));

        String saved = signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/brouillon").header(HttpHeaders.IF_MATCH, "\"4\"")
                .body(form(Map.of("title", "Enfants", "body", "Un.\n"))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(JSON.readTree(saved).path("revision").asLong()).isEqualTo(5);
        assertThat(JSON.readTree(saved).path("message").asString()).isEqualTo("Brouillon enregistré à 11:42");
        assertThat(only("PUT", DRAFT).header(HttpHeaders.IF_MATCH)).isEqualTo("\"4\"");

        SERVICES.reset();
        SERVICES.answer("PUT", DRAFT, problem(412, "stale", null));
        SERVICES.answer("GET", DRAFT, draft(9, "Enfants", "Autre.\n", "editing", null));
        String stale = signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/brouillon").header(HttpHeaders.IF_MATCH, "\"5\"")
                .body(form(Map.of("title", "Enfants", "body", "Un, deux.\n"))).exchange().expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JSON.readTree(stale).path("revision").asLong()).isEqualTo(9);
        assertThat(JSON.readTree(stale).path("message").asString()).startsWith("Amina Diallo a modifié ce brouillon le 14 mars 2025 à 11:42");

        SERVICES.reset();
        SERVICES.answer("PUT", DRAFT, draft(1, "Enfants", "Un.\n", "editing", null));
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/brouillon").header(HttpHeaders.IF_NONE_MATCH, "*")
                .body(form(Map.of("draft", "3", "title", "Enfants", "body", "Un.\n"))).exchange().expectStatus().isOk();
        assertThat(only("PUT", DRAFT).header(HttpHeaders.IF_NONE_MATCH)).isEqualTo("*");
    }

    @Test
    void publishingSavesThePagesTextThenPublishesThatRevisionAndSaysThePublicPageIsUpToDate() {
        SERVICES.answer("PUT", DRAFT, draft(6, "Enfants", "Fini.\n", "editing", null));
        SERVICES.answer("POST", DRAFT + ":publish", chapter(8, "Enfants", "Fini.\n"));

        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/publier")
                .body(form(Map.of("draft", "5", "title", "Enfants", "body", "Fini.\n"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?fait=publie");

        assertThat(SERVICES.received()).extracting(r -> r.method() + " " + r.pathAndQuery())
                .containsSubsequence("PUT " + DRAFT, "POST " + DRAFT + ":publish");
        assertThat(only("PUT", DRAFT).header(HttpHeaders.IF_MATCH)).isEqualTo("\"5\"");
        Received publish = only("POST", DRAFT + ":publish");
        assertThat(publish.header(HttpHeaders.IF_MATCH)).isEqualTo("\"6\"");
        assertThat(callerOf(publish)).isEqualTo(AMINA.accountId());

        SERVICES.answer("GET", CHAPTER, chapter(8, "Enfants", "Fini.\n"));
        assertThat(get(AMINA, "/studio/2024/chapitres/enfants?fait=publie", 200))
                .contains("Publié : la page publique est à jour (révision 8).", "role=\"status\" id=\"action-notice\" tabindex=\"-1\" autofocus");
    }

    @Test
    void aPublicationConflictOpensTheMergeAndTheMergeIsSavedToTheDraftOnThePublishedRevision() throws Exception {
        SERVICES.answer("PUT", DRAFT, draft(6, "Enfants", "Un, par Amina.\n\nDeux, par Amina.\n\nTrois.\n", "editing", null));
        SERVICES.answer("POST", DRAFT + ":publish", new Answer(409, MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsString(Map.of(
                "status", 409, "detail", "the chapter changed since the draft's base",
                "draft", Map.of("title", "Enfants", "body", "Un, par Amina.\n\nDeux, par Amina.\n\nTrois.\n", "revision", 6),
                "published", Map.of("title", "Enfants", "body", "Un.\n\nDeux, par Claire.\n\nTrois, par Claire.\n", "revision", 6),
                "base", Map.of("title", "Enfants", "body", "Un.\n\nDeux.\n\nTrois.\n", "revision", 5))), Map.of(), Duration.ZERO));
        SERVICES.answer("GET", CHAPTER, chapter(6, "Enfants", "Un.\n\nDeux, par Claire.\n\nTrois, par Claire.\n"));

        String conflict = post(AMINA, "/studio/2024/chapitres/enfants/publier",
                Map.of("draft", "5", "title", "Enfants", "body", "Un, par Amina.\n\nDeux, par Amina.\n\nTrois.\n"), 409);

        assertThat(conflict).contains("Le chapitre a été publié pendant que vous écriviez", "Votre brouillon", "Rien n’a été publié.",
                "Version publiée par Amina Diallo le 14 mars 2025 à 10:30", "<span class=\"diff-tag\">votre modification</span> Un, par Amina.",
                "<span class=\"diff-tag\">modification de Amina Diallo</span> Trois, par Claire.",
                "<legend>Passage 1 : modifié des deux côtés</legend>", "name=\"theirs\" value=\"6\"", "name=\"base\" value=\"5\"",
                "name=\"draft\" value=\"6\"", "Enregistrer la fusion dans le brouillon");

        SERVICES.reset();
        SERVICES.answer("GET", CHAPTER + "/revisions/5", chapter(5, "Enfants", "Un.\n\nDeux.\n\nTrois.\n"));
        SERVICES.answer("GET", CHAPTER + "/revisions/6", chapter(6, "Enfants", "Un.\n\nDeux, par Claire.\n\nTrois, par Claire.\n"));
        SERVICES.answer("PUT", DRAFT, draft(7, "Enfants", "merged", "editing", null));
        Map<String, String> merge = new java.util.HashMap<>(Map.of("base", "5", "theirs", "6", "draft", "6", "mineTitle", "Enfants",
                "mineBody", "Un, par Amina.\n\nDeux, par Amina.\n\nTrois.\n"));
        assertThat(post(AMINA, "/studio/2024/chapitres/enfants/fusion", merge, 400)).contains("Choisissez une version pour chaque passage");
        assertThat(SERVICES.received()).noneMatch(r -> r.method().equals("PUT"));

        merge.put("c1", "theirs");
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/fusion").body(form(merge)).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?fait=fusion");
        Received saved = only("PUT", DRAFT);
        assertThat(saved.header(HttpHeaders.IF_MATCH)).isEqualTo("\"6\"");
        JsonNode sent = JSON.readTree(saved.body());
        assertThat(sent.path("body").asString()).isEqualTo("Un, par Amina.\n\nDeux, par Claire.\n\nTrois, par Claire.\n");
        assertThat(sent.path("baseRevision").asLong()).isEqualTo(6);
    }

    @Test
    void aPublicationTheEditionsReviewRefusesSaysToSubmitItAndKeepsTheText() {
        SERVICES.answer("PUT", DRAFT, draft(6, "Enfants", "Fini.\n", "editing", null));
        SERVICES.answer("POST", DRAFT + ":publish", problem(409, "review required", "review"));
        SERVICES.answer("GET", DRAFT, draft(6, "Enfants", "Fini.\n", "editing", null));

        String page = post(AMINA, "/studio/2024/chapitres/enfants/publier", Map.of("draft", "5", "title", "Enfants", "body", "Fini.\n"), 409);

        assertThat(page).contains("Ce chapitre doit être approuvé par un relecteur avant d’être publié : soumettez-le pour relecture.",
                "role=\"alert\"", "Fini.\n</textarea>");
    }

    @Test
    void aTimeTheZoneSkipsIsRefusedInFrenchWithItsTwoReadingsAsButtonsAndAChosenOneIsSentWithItsOffset() {
        SERVICES.answer("PUT", DRAFT, draft(6, "Enfants", "Fini.\n", "editing", null));
        SERVICES.answer("GET", DRAFT, draft(6, "Enfants", "Fini.\n", "editing", null));
        SERVICES.answer("POST", DRAFT + ":schedule", new Answer(400, MediaType.APPLICATION_PROBLEM_JSON_VALUE, JSON.writeValueAsString(Map.of(
                "status", 400, "detail", "at: 2025-03-30T02:30 does not exist in Europe/Zurich",
                "errors", List.of(Map.of("field", "at", "problem", "2025-03-30T02:30 does not exist in Europe/Zurich")),
                "candidates", List.of("2025-03-30T03:30+02:00", "2025-03-30T01:30+01:00"))), Map.of(), Duration.ZERO));

        String page = post(AMINA, "/studio/2024/chapitres/enfants/programmer", Map.of("draft", "5", "title", "Enfants", "body", "Fini.\n",
                "date", "2025-03-30", "heure", "02:30", "fuseau", "Europe/Zurich"), 400);

        JsonNode sent = JSON.readTree(only("POST", DRAFT + ":schedule").body());
        assertThat(sent.path("at").asString()).isEqualTo("2025-03-30T02:30");
        assertThat(sent.path("timeZone").asString()).isEqualTo("Europe/Zurich");
        assertThat(page).contains("Cette heure n’existe pas à Genève le 30 mars 2025 (passage à l’heure d’été) : choisissez 01:30 ou 03:30.",
                "name=\"choix\" value=\"2025-03-30T01:30+01:00\" class=\"secondary\">Publier à 01:30</button>",
                "name=\"choix\" value=\"2025-03-30T03:30+02:00\" class=\"secondary\">Publier à 03:30</button>",
                "value=\"2025-03-30\"", "value=\"02:30\"", "Fini.\n</textarea>");

        SERVICES.reset();
        SERVICES.answer("PUT", DRAFT, draft(6, "Enfants", "Fini.\n", "editing", null));
        SERVICES.answer("POST", DRAFT + ":schedule", draft(7, "Enfants", "Fini.\n", "editing",
                Map.of("at", "2025-03-30T01:30:00Z", "localDateTime", "2025-03-30T03:30", "timeZone", "Europe/Zurich")));
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/programmer")
                .body(form(Map.of("draft", "6", "title", "Enfants", "body", "Fini.\n", "date", "2025-03-30", "heure", "02:30",
                        "fuseau", "Europe/Zurich", "choix", "2025-03-30T03:30+02:00"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?fait=programme");
        Received scheduled = only("POST", DRAFT + ":schedule");
        assertThat(JSON.readTree(scheduled.body()).path("at").asString()).isEqualTo("2025-03-30T03:30+02:00");
        assertThat(scheduled.header(HttpHeaders.IF_MATCH)).isEqualTo("\"6\"");

        SERVICES.answer("GET", CHAPTER, chapter(5, "Enfants", "Un.\n"));
        SERVICES.answer("GET", DRAFT, draft(7, "Enfants", "Fini.\n", "editing",
                Map.of("at", "2025-03-30T01:30:00Z", "localDateTime", "2025-03-30T03:30", "timeZone", "Europe/Zurich")));
        assertThat(get(AMINA, "/studio/2024/chapitres/enfants?fait=programme", 200)).contains(
                "Publication programmée le 30 mars 2025 à 03:30 (Genève).",
                "Programmé le <time datetime=\"2025-03-30T01:30:00Z\" data-schedule-zone=\"Europe/Zurich\">30 mars 2025 à 03:30 (Genève)</time>",
                ">Annuler la programmation</button>", "<legend>Changer la date de publication</legend>");
    }

    @Test
    void aReviewerSeesTheDraftWithApproveAndRequestChangesAndChangesNeedAComment() {
        SERVICES.answer("GET", DRAFT, draft(6, "Enfants", "À relire.\n", "submitted", null));

        String page = get(JEAN, "/studio/2024/chapitres/enfants", 200);
        assertThat(page).contains("<span class=\"badge draft-submitted\" id=\"draft-state\">Soumis pour relecture</span>",
                "Amina Diallo</strong> a soumis le brouillon pour relecture", "<blockquote class=\"review-comment\">Prêt pour relecture.</blockquote>",
                ">Approuver</button>", ">Demander des modifications</button>", "Texte du brouillon (Markdown)", "À relire.\n</pre>");
        assertThat(page).doesNotContain("id=\"chapter-form\"", "formaction=\"/studio/2024/chapitres/enfants/publier\"");

        String refused = post(JEAN, "/studio/2024/chapitres/enfants/modifications", Map.of("draft", "6", "commentaire", "  "), 400);
        assertThat(refused).contains("Dites à l’équipe ce qu’il faut modifier : le commentaire est obligatoire.", "aria-invalid=\"true\"");
        assertThat(SERVICES.received()).noneMatch(r -> r.method().equals("POST"));

        SERVICES.answer("POST", DRAFT + ":request-changes", draft(6, "Enfants", "À relire.\n", "changes-requested", null));
        signedIn(JEAN).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/modifications")
                .body(form(Map.of("draft", "6", "commentaire", "Citez la source du chiffre."))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?fait=modifications");
        Received asked = only("POST", DRAFT + ":request-changes");
        assertThat(asked.header(HttpHeaders.IF_MATCH)).isEqualTo("\"6\"");
        assertThat(JSON.readTree(asked.body()).path("comment").asString()).isEqualTo("Citez la source du chiffre.");
        assertThat(callerOf(asked)).isEqualTo(JEAN.accountId());

        SERVICES.answer("POST", DRAFT + ":approve", problem(403, "someone else must approve", null));
        assertThat(post(JEAN, "/studio/2024/chapitres/enfants/approuver", Map.of("draft", "6"), 403))
                .contains("Vous avez écrit la dernière version de ce brouillon : quelqu’un d’autre doit l’approuver.");
    }

    @Test
    void aMemberOfTheTeamSeesNoReviewControlsButTheReviewersComment() {
        SERVICES.answer("GET", DRAFT, draft(6, "Enfants", "À revoir.\n", "changes-requested", null));

        String page = get(AMINA, "/studio/2024/chapitres/enfants", 200);

        assertThat(page).contains("Modifications demandées", ">Soumettre pour relecture</button>");
        assertThat(page).doesNotContain(">Approuver</button>", ">Demander des modifications</button>");
    }

    @Test
    void discardingAsksFirstThenDeletesTheDraftItShowed() {
        SERVICES.answer("GET", DRAFT, draft(6, "Enfants", "Brouillon.\n", "editing", null));

        assertThat(get(AMINA, "/studio/2024/chapitres/enfants/abandonner", 200)).contains("Abandonner le brouillon de « Enfants » ?",
                "La page publique ne change pas", "name=\"draft\" value=\"6\"", ">Abandonner le brouillon</button>");

        SERVICES.answer("DELETE", DRAFT, new Answer(204, "application/json", "", Map.of(), Duration.ZERO));
        signedIn(AMINA).mutateWith(csrf()).post().uri("/studio/2024/chapitres/enfants/abandonner").body(form(Map.of("draft", "6"))).exchange()
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/studio/2024/chapitres/enfants?fait=abandonne");
        assertThat(only("DELETE", DRAFT).header(HttpHeaders.IF_MATCH)).isEqualTo("\"6\"");
    }

    @Test
    void anotherTeamSeesTheChapterReadOnlyWithTheTeamThatWritesIt() {
        // The drafts API refuses to say whether another team's chapter has a draft: the published text is shown
        SERVICES.answer("GET", DRAFT, problem(403, "only the chapter's team, reviewers and admins read its draft", null));

        String page = get(LUCAS, "/studio/2024/chapitres/enfants", 200);

        assertThat(page).contains("Ce chapitre est rédigé par l’équipe « enfants » : vous pouvez le lire, mais pas le modifier.",
                "<pre class=\"chapter-source\"", "presence?lecture=1", "title=\"Aperçu de la page\"");
        assertThat(page).doesNotContain("id=\"chapter-form\"", "<textarea", "Enregistrer", "studio-editor.js", "Approuver");
    }

    @Test
    void aSaveTheApiForbidsSaysSoInFrenchAndKeepsTheText() {
        SERVICES.answer("PUT", DRAFT, problem(403, "team defenseurs may not edit chapter enfants", null));

        String page = post(LUCAS, "/studio/2024/chapitres/enfants", Map.of("draft", "", "title", "Enfants", "body", "Mon texte.\n"), 403);

        assertThat(page).contains("Vous n’avez pas le droit de modifier ce chapitre : il est rédigé par l’équipe « enfants ».",
                "Votre texte n’a pas été enregistré");
        assertThat(page).doesNotContain("team defenseurs may not");
    }

    @Test
    void anUnknownChapterIsAFrenchNotFoundPage() {
        SERVICES.answer("GET", "/api/editions/2024/chapters/inconnu", problem(404, "no chapter inconnu", null));

        assertThat(get(AMINA, "/studio/2024/chapitres/inconnu", 404)).contains("Cet élément n’existe pas ou plus.", "href=\"/studio/2024\"");
        // Any year may be an edition (the editions API knows which exist); something else is not one
        assertThat(get(AMINA, "/studio/deux-mille/chapitres/enfants", 404)).contains("Le studio ne connaît pas l’édition « deux-mille »");
    }

    @Test
    void aRefusedTitleIsExplainedBesideItAndTheTextIsKept() {
        SERVICES.answer("PUT", DRAFT, problem(400, "1 field is invalid", "title"));

        String page = post(AMINA, "/studio/2024/chapitres/enfants", Map.of("draft", "", "title", " ", "body", "Mon texte précieux.\n"), 400);

        assertThat(page).contains("Donnez un titre au chapitre : il ne peut pas être vide.", "id=\"title-error\"",
                "aria-describedby=\"title-warnings title-error\"", "aria-invalid=\"true\"", "Mon texte précieux.\n</textarea>",
                "role=\"alert\"");
    }

    @Test
    void aServiceThatIsDownGetsAFrenchMessage() {
        WebTestClient down = WebTestClient.bindToRouterFunction(ChapterEditorConfiguration.routes(
                        backends(StubService.downServiceUri().toString()), null, PAGES))
                .webFilter(new CsrfWebFilter()).apply(springSecurity()).configureClient().responseTimeout(Duration.ofSeconds(60)).build();

        String saved = down.mutateWith(mockAuthentication(new CallerAuthentication(AMINA))).mutateWith(csrf()).post()
                .uri("/studio/2024/chapitres/enfants/brouillon").body(form(Map.of("draft", "5", "title", "Enfants", "body", "Mon texte.\n")))
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(saved).contains("Brouillon non enregistré : le service des chapitres ne répond pas.", "votre texte reste dans la page");

        String opened = down.mutateWith(mockAuthentication(new CallerAuthentication(AMINA))).get().uri("/studio/2024/chapitres/enfants")
                .exchange().expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(opened).contains("Le service qui garde le rapport ne répond pas pour l’instant");
        assertThat(opened).doesNotContain("\"status\"", "\"detail\"", "Exception");
    }

    @Test
    void thePreviewFragmentCarriesTheWarningsForTheFieldsTheyConcern() {
        SERVICES.answer("POST", PREVIEW, json(200, JSON.writeValueAsString(Map.of("html", PAGE,
                "missing", List.of(Map.of("kind", "fig", "id", "inconnu.x"), Map.of("kind", "chart", "id", "absent"))))));

        String fragment = post(AMINA, "/studio/2024/chapitres/enfants/apercu", Map.of("title", "", "body", "{{fig:inconnu.x}}"), 200);

        assertThat(fragment).contains("<div id=\"title-warnings\" hx-swap-oob=\"innerHTML\">", "Le titre est vide",
                "<div id=\"body-warnings\" hx-swap-oob=\"innerHTML\">", "chiffre clé inconnu : <code>{{fig:inconnu.x}}</code>",
                "graphique inconnu : <code>{{chart:absent}}</code>");
        assertThat(fragment).doesNotContain("iframe");
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

    /** A draft as the drafts API answers it, last changed by Amina at 10:42 UTC (11:42 in the test's zone, Europe/Paris). */
    private static Answer draft(long revision, String title, String body, String review, Map<String, String> schedule) {
        Map<String, Object> json = new java.util.HashMap<>(Map.of("edition", "2024", "slug", "enfants", "title", title, "body", body,
                "baseRevision", 5, "chapterRevision", 5, "stale", false, "ownerTeam", "enfants", "review", review));
        json.put("reviewRequired", false);
        json.put("revision", revision);
        json.put("notes", review.equals("submitted") ? List.of(Map.of("kind", "submitted", "at", "2025-03-14T10:40:00Z", "actor", "demo-enfants",
                "actorName", "Amina Diallo", "draftRevision", revision, "comment", "Prêt pour relecture.")) : List.of());
        json.put("schedule", schedule);
        json.put("updatedAt", "2025-03-14T10:42:00Z");
        json.put("updatedBy", "demo-enfants");
        json.put("updatedByName", "Amina Diallo");
        return new Answer(200, "application/json", JSON.writeValueAsString(json), Map.of("ETag", "\"" + revision + "\""), Duration.ZERO);
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
