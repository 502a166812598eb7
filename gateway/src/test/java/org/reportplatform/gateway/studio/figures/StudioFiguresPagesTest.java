package org.reportplatform.gateway.studio.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Clock;
import java.time.Duration;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures and datasets pages against a stand-in figures-service ({@link StubService}): what
 * they send it (the dry run as the person types, If-Match, the rows in order), what they show of
 * its answers (French beside the field or cell), and that someone of another team gets no control
 * and no write sent. The browser test ({@code StudioFiguresInABrowserTest}) does the same on the real platform.
 */
class StudioFiguresPagesTest {

    private static final StubService FIGURES = StubService.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CallerAssertions ASSERTIONS = new CallerAssertions(new SecurityProperties(
            "a-test-assertion-key-of-at-least-32-bytes!", Duration.ofMinutes(2), null, null, List.of()), Clock.systemUTC());

    private static final Caller INES = new Caller("demo-defenseurs", "Inès Benali", Set.of(Role.MEMBER), Set.of("defenseurs"), null);
    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(Role.MEMBER), Set.of("enfants"), null);

    private static final String CASES = """
            {"edition": "2024", "id": "sos-defenders.cases", "label": "Cas documentés", "type": "integer", "value": 4445,
             "currency": null, "unit": "cas", "period": "2024", "source": "Base SOS", "ownerTeam": "defenseurs", "revision": 3,
             "updatedAt": "2026-12-01T10:00:00Z", "updatedBy": "defenseurs", "updatedByName": "Inès Benali"}""";
    private static final String DEPENSES = """
            {"edition": "2024", "id": "finances-depenses", "title": "Dépenses", "columns": [{"name": "Programme", "type": "text"},
             {"name": "Montant", "type": "number"}], "rows": [["Défense", "1900000"], ["Victimes", "1300000"]], "unit": "CHF",
             "source": "Illustratif", "ownerTeam": "donateurs-finances", "revision": 2, "updatedByName": "Antoine Lambert"}""";

    private static final StudioProperties STUDIO = new StudioProperties(List.of("2024"), java.time.ZoneId.of("Europe/Zurich"), 50);
    private static final StudioPages PAGES = new StudioPages(new StudioLabels(STUDIO), STUDIO);

    // content-service answers only the edition's description, which these pages read to show its languages: down here (an
    // edition without an edition event: no translated words), as EditionsAndTranslationsPagesTest covers them.
    private final Backends backends = new Backends(new BackendClient(WebClient.builder(), StubService.downServiceUri(), ASSERTIONS, Duration.ofSeconds(5)),
            new BackendClient(WebClient.builder(), FIGURES.uri(), ASSERTIONS, Duration.ofSeconds(5)), null);
    private final WebTestClient web = WebTestClient.bindToRouterFunction(StudioFiguresConfiguration.routes(backends, PAGES))
            .webFilter(new CsrfWebFilter())
            .apply(springSecurity())
            .configureClient()
            .baseUrl("https://rapport.example.org")
            .build();

    @BeforeEach
    void reset() {
        FIGURES.reset();
    }

    @AfterAll
    static void stop() {
        FIGURES.close();
    }

    @Test
    void theCheckAsOneTypesIsADryRunOfTheSaveAndAnswersEachFieldsMessageInFrench() {
        FIGURES.answer("PUT", "/api/editions/2024/indicators/sos-defenders.cases", problem(400, "value",
                "must be a whole number for an integer indicator (e.g. 4445), got \\\"12,5\\\""));

        String fragment = post(INES, "/studio/2024/chiffres/sos-defenders.cases/verifier", Map.of("revision", "3", "type", "integer",
                "label", "Cas documentés", "value", "12,5", "unit", "cas", "period", "2024", "source", "Base SOS"), 200);

        Received dryRun = only("PUT", "/api/editions/2024/indicators/sos-defenders.cases?dryRun=true");
        assertThat(dryRun.header(HttpHeaders.IF_MATCH)).isEqualTo("\"3\"");
        JsonNode body = JSON.readTree(dryRun.body());
        assertThat(body.get("value").isString()).as("sent as typed, for the service to name it").isTrue();
        assertThat(body.get("value").asString()).isEqualTo("12,5");
        assertThat(body.get("type").asString()).isEqualTo("integer");
        assertThat(fragment).doesNotContain("<html", "<main")
                .contains("<p id=\"value-error\" hx-swap-oob=\"innerHTML\"><span class=\"visually-hidden\">Erreur : </span>"
                        + "Saisissez un nombre entier, sans espace ni virgule (par exemple 4445).</p>")
                .contains("<p id=\"label-error\" hx-swap-oob=\"innerHTML\"></p>");
        assertThat(FIGURES.received()).extracting(Received::method).containsOnly("PUT");
    }

    @Test
    void savingSendsTheExactValueWithIfMatchAndAStaleRevisionShowsBothVersions() {
        FIGURES.answer("GET", "/api/editions/2024/indicators/sos-defenders.cases", json(200, CASES.replace("4445", "4450")
                .replace("\"revision\": 3", "\"revision\": 4").replace("Inès Benali", "Karim Haddad")));
        FIGURES.answer("PUT", "/api/editions/2024/indicators/sos-defenders.cases", new Answer(412, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                "{\"status\": 412, \"detail\": \"stale\", \"currentRevision\": 4}", Map.of(), Duration.ZERO));

        String page = post(INES, "/studio/2024/chiffres/sos-defenders.cases", Map.of("revision", "3", "type", "integer",
                "label", "Cas documentés", "value", "4460", "unit", "cas", "period", "2024", "source", "Base SOS"), 409);

        Received put = only("PUT", "/api/editions/2024/indicators/sos-defenders.cases");
        assertThat(put.header(HttpHeaders.IF_MATCH)).isEqualTo("\"3\"");
        assertThat(JSON.readTree(put.body()).get("value").isNumber()).isTrue();
        assertThat(JSON.readTree(put.body()).get("value").decimalValue().toPlainString()).isEqualTo("4460");
        assertThat(JSON.readTree(put.body()).has("ownerTeam")).as("the owner team stays").isFalse();
        assertThat(page).contains("Quelqu’un a modifié ce chiffre pendant que vous le modifiiez", "Karim Haddad a enregistré la révision 4",
                "<tr><th scope=\"row\">Valeur</th><td>4450</td><td>4460</td></tr>", "Enregistrer ma version",
                "<input type=\"hidden\" name=\"revision\" value=\"4\">", "value=\"4460\"");
    }

    @Test
    void programmerCetteValeurSendsTheFormsValuesWithTheTimeAndARepeatedHourOffersBothReadings() {
        FIGURES.answer("GET", "/api/editions/2024/indicators/sos-defenders.cases", json(200, CASES));
        FIGURES.answer("GET", "/api/editions/2024/indicators/sos-defenders.cases/schedule", json(404, "{}"));
        FIGURES.answer("PUT", "/api/editions/2024/indicators/sos-defenders.cases/schedule", new Answer(400,
                MediaType.APPLICATION_PROBLEM_JSON_VALUE, """
                {"status": 400, "detail": "at: repeated", "errors": [{"field": "at", "problem": "2025-10-26T02:30 happens twice in Europe/Zurich"}],
                 "candidates": ["2025-10-26T02:30+02:00", "2025-10-26T02:30+01:00"]}""", Map.of(), Duration.ZERO));

        assertThat(get(INES, "/studio/2024/chiffres/sos-defenders.cases")).contains("<legend>Programmer cette valeur</legend>",
                "formaction=\"/studio/2024/chiffres/sos-defenders.cases/programmer\"", "<option value=\"Europe/Zurich\" selected>Genève (Europe/Zurich)</option>")
                .doesNotContain("Annuler la programmation");

        String page = post(INES, "/studio/2024/chiffres/sos-defenders.cases/programmer", Map.of("revision", "3", "type", "integer",
                "label", "Cas documentés", "value", "5000", "unit", "cas", "period", "2024", "source", "Base SOS",
                "date", "2025-10-26", "heure", "02:30", "fuseau", "Europe/Zurich"), 400);

        JsonNode sent = JSON.readTree(only("PUT", "/api/editions/2024/indicators/sos-defenders.cases/schedule").body());
        assertThat(sent.get("value").decimalValue().toPlainString()).isEqualTo("5000");
        assertThat(sent.get("label").asString()).isEqualTo("Cas documentés");
        assertThat(sent.get("at").asString()).isEqualTo("2025-10-26T02:30");
        assertThat(sent.get("timeZone").asString()).isEqualTo("Europe/Zurich");
        assertThat(FIGURES.received()).noneMatch(r -> r.method().equals("PUT") && r.pathAndQuery().equals("/api/editions/2024/indicators/sos-defenders.cases"));
        assertThat(page).contains("Cette heure a lieu deux fois à Genève le 26 octobre 2025 (retour à l’heure d’hiver)",
                "name=\"choix\" value=\"2025-10-26T02:30+02:00\" class=\"secondary\">Publier à 02:30 (heure d’été, la première fois)</button>",
                "name=\"choix\" value=\"2025-10-26T02:30+01:00\" class=\"secondary\">Publier à 02:30 (heure d’hiver, la seconde fois)</button>",
                "value=\"5000\"");

        FIGURES.answer("PUT", "/api/editions/2024/indicators/sos-defenders.cases/schedule", json(201, "{}"));
        signedIn(INES).mutateWith(csrf()).post().uri("/studio/2024/chiffres/sos-defenders.cases/programmer")
                .body(BodyInserters.fromFormData("revision", "3").with("type", "integer").with("label", "Cas documentés").with("value", "5000")
                        .with("choix", "2025-10-26T02:30+01:00").with("fuseau", "Europe/Zurich"))
                .exchange().expectStatus().isSeeOther().expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/studio/2024/chiffres/sos-defenders.cases?programme=1#programmer");

        FIGURES.answer("GET", "/api/editions/2024/indicators/sos-defenders.cases/schedule", json(200, """
                {"edition": "2024", "indicatorId": "sos-defenders.cases", "indicator": {"label": "Cas documentés", "type": "integer",
                 "value": 5000, "unit": "cas"}, "at": "2025-10-26T01:30:00Z", "localDateTime": "2025-10-26T02:30", "timeZone": "Europe/Zurich",
                 "revision": 1, "updatedByName": "Inès Benali"}"""));
        assertThat(get(INES, "/studio/2024/chiffres/sos-defenders.cases?programme=1")).contains("Valeur programmée : elle sera publiée",
                "Programmé le <time datetime=\"2025-10-26T01:30:00Z\" data-schedule-zone=\"Europe/Zurich\">26 octobre 2025 à 02:30 (Genève)</time>",
                "Valeur programmée : <strong>5\u202F000\u00A0cas</strong> (par Inès Benali)", "la valeur actuelle, 4\u202F445",
                ">Annuler la programmation</button>", "<legend>Remplacer la valeur programmée</legend>");

        FIGURES.answer("DELETE", "/api/editions/2024/indicators/sos-defenders.cases/schedule", new Answer(204, "application/json", "", Map.of(), Duration.ZERO));
        signedIn(INES).mutateWith(csrf()).post().uri("/studio/2024/chiffres/sos-defenders.cases/deprogrammer").exchange()
                .expectStatus().isSeeOther().expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/studio/2024/chiffres/sos-defenders.cases?deprogramme=1#programmer");
        assertThat(only("DELETE", "/api/editions/2024/indicators/sos-defenders.cases/schedule")).isNotNull();
    }

    @Test
    void someoneOfAnotherTeamSeesTheFigureWithoutAControlAndTheirPostWritesNothing() {
        FIGURES.answer("GET", "/api/editions/2024/indicators/sos-defenders.cases", json(200, CASES));

        String page = get(AMINA, "/studio/2024/chiffres/sos-defenders.cases");
        assertThat(page).contains("vous pouvez le consulter, pas le modifier", "4\u202F445").doesNotContain("<form method=\"post\" action=\"/studio");

        post(AMINA, "/studio/2024/chiffres/sos-defenders.cases", Map.of("revision", "3", "type", "integer", "label", "x", "value", "1"), 403);
        assertThat(FIGURES.received()).extracting(Received::method).containsOnly("GET");
    }

    @Test
    void aDatasetIsSavedWithItsRowsInOrderAndARefusedCellIsToldBesideIt() {
        FIGURES.answer("GET", "/api/editions/2024/datasets/finances-depenses", json(200, DEPENSES));
        FIGURES.answer("PUT", "/api/editions/2024/datasets/finances-depenses", problem(400, "rows[1][1]",
                "must be a number written with digits and a dot for decimals, without separators (e.g. 1900000 or 12.5), got \\\"1 300 000\\\" (column Montant)"));
        Caller antoine = new Caller("demo-donateurs-finances", "Antoine Lambert", Set.of(Role.MEMBER), Set.of("donateurs-finances"), null);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("revision", "2");
        form.add("title", "Dépenses");
        form.add("unit", "CHF");
        form.add("source", "");
        form.add("cell-0-0", "Défense");
        form.add("cell-0-1", "1900000");
        form.add("cell-7-0", "Victimes");
        form.add("cell-7-1", "1 300 000");
        form.add("action", "save");

        String page = signedIn(antoine).mutateWith(csrf()).post().uri("/studio/2024/donnees/finances-depenses")
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();

        Received put = only("PUT", "/api/editions/2024/datasets/finances-depenses");
        assertThat(put.header(HttpHeaders.IF_MATCH)).isEqualTo("\"2\"");
        JsonNode body = JSON.readTree(put.body());
        assertThat(body.get("rows").toString()).isEqualTo("[[\"Défense\",\"1900000\"],[\"Victimes\",\"1 300 000\"]]");
        assertThat(body.get("columns").toString()).isEqualTo("[{\"name\":\"Programme\",\"type\":\"text\"},{\"name\":\"Montant\",\"type\":\"number\"}]");
        assertThat(body.get("source").isNull()).isTrue();
        assertThat(page).contains("aria-label=\"Ligne 2, colonne Montant\"", "value=\"1 300 000\"", "aria-describedby=\"cell-1-1-error\"",
                "aria-invalid=\"true\"", "<p class=\"field-error\" id=\"cell-1-1-error\"><span class=\"visually-hidden\">Erreur : </span>"
                        + "Saisissez un nombre avec des chiffres et un point pour les décimales, sans espace (par exemple 1900000 ou 12.5).</p>",
                "<a href=\"#cell-1-1\">Ligne 2, colonne Montant : Saisissez un nombre");
    }

    @Test
    void thePickerListsFiguresThenChartsMatchingEveryWordIgnoringCaseAndAccents() {
        FIGURES.answer("GET", "/api/editions/2024/indicators", json(200, "[" + CASES + ", " + CASES
                .replace("sos-defenders.cases", "network.new-members").replace("Cas documentés", "Nouveaux membres") + "]"));
        FIGURES.answer("GET", "/api/editions/2024/datasets", json(200, "[" + DEPENSES + "]"));

        String cases = get(INES, "/studio/2024/chiffres/choix?q={q}", "CAS documentes");
        assertThat(cases).doesNotContain("<html")
                .contains("<button type=\"button\" class=\"insert-reference\" data-reference=\"{{fig:sos-defenders.cases}}\">Cas documentés — 4\u202F445</button>")
                .doesNotContain("network.new-members", "{{chart:");
        String charts = get(INES, "/studio/2024/chiffres/choix?q={q}", "dépens");
        assertThat(charts).contains("data-reference=\"{{chart:finances-depenses}}\">Dépenses — graphique</button>").doesNotContain("{{fig:");
        String all = get(INES, "/studio/2024/chiffres/choix");
        assertThat(all).contains("{{fig:sos-defenders.cases}}", "{{fig:network.new-members}}", "{{chart:finances-depenses}}");
        assertThat(get(INES, "/studio/2024/chiffres/choix?q=zzz")).contains("Aucun chiffre ni graphique ne correspond.");
    }

    @Test
    void aRefusedImportNamesTheRowAndKeepsTheCheckedTextToCorrectInPlace() {
        FIGURES.answer("GET", "/api/editions/2024/indicators", json(200, "[" + CASES + "]"));
        FIGURES.answer("POST", "/api/editions/2024/indicators:import", new Answer(400, MediaType.APPLICATION_PROBLEM_JSON_VALUE, """
                {"status": 400, "detail": "refused", "rows": [{"line": 2, "id": "sos-defenders.cases", "field": "value",
                 "problem": "must be a whole number for an integer indicator (e.g. 4445), got \\"quarante\\""}]}""",
                Map.of(), Duration.ZERO));

        String page = multipart(INES, "/studio/2024/chiffres/import/verifier",
                Map.of("csv", "id,value\nsos-defenders.cases,quarante"), 400);

        assertThat(page).contains("Ce fichier ne peut pas être importé", "<td data-label=\"Chiffre\">Cas documentés")
                .contains("aria-describedby=\"csv-hint\">id,value\nsos-defenders.cases,quarante</textarea>")
                .doesNotContain("<button type=\"submit\">Importer</button>");
        assertThat(FIGURES.received()).extracting(Received::pathAndQuery)
                .contains("/api/editions/2024/indicators:import?dryRun=true")
                .noneMatch(sent -> sent.contains("basis="));
    }

    @Test
    void aDoneImportListsTheFiguresByTheirLabels() {
        FIGURES.answer("GET", "/api/editions/2024/indicators", json(200, "[" + CASES + "]"));
        FIGURES.answer("POST", "/api/editions/2024/indicators:import", json(200,
                "{\"edition\": \"2024\", \"rows\": 1, \"created\": 0, \"changed\": 1, \"unchanged\": 0, \"events\": 1}"));

        String page = multipart(INES, "/studio/2024/chiffres/import",
                Map.of("csv", "id,value\nsos-defenders.cases,4500", "basis", "b-1", "id-0", "sos-defenders.cases"), 200);

        assertThat(only("POST", "/api/editions/2024/indicators:import?basis=b-1").body()).contains("sos-defenders.cases,4500");
        assertThat(page).contains("1 chiffre mis à jour.",
                "<a href=\"/studio/2024/chiffres/sos-defenders.cases\">Cas documentés</a> <span class=\"figures-id\">sos-defenders.cases</span>");
    }

    private String multipart(Caller caller, String path, Map<String, String> fields, int status) {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        fields.forEach(parts::part);
        return signedIn(caller).mutateWith(csrf()).post().uri(path).body(BodyInserters.fromMultipartData(parts.build()))
                .exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient signedIn(Caller caller) {
        return web.mutateWith(mockAuthentication(new CallerAuthentication(caller)));
    }

    private String get(Caller caller, String path, Object... variables) {
        return signedIn(caller).get().uri(path, variables).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String post(Caller caller, String path, Map<String, String> fields, int status) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return signedIn(caller).mutateWith(csrf()).post().uri(path).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, Map.of(), Duration.ZERO);
    }

    private static Answer problem(int status, String field, String problem) {
        return new Answer(status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, """
                {"status": %d, "title": "Bad Request", "detail": "refused", "errors": [{"field": "%s", "problem": "%s"}]}"""
                .formatted(status, field, problem), Map.of(), Duration.ZERO);
    }

    private static Received only(String method, String pathAndQuery) {
        List<Received> matching = FIGURES.received().stream()
                .filter(request -> request.method().equals(method) && request.pathAndQuery().equals(pathAndQuery)).toList();
        assertThat(matching).as(method + " " + pathAndQuery + " among " + FIGURES.received()).hasSize(1);
        return matching.get(0);
    }
}
