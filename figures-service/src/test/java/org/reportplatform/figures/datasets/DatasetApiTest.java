package org.reportplatform.figures.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.figures.FiguresServiceApplication;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The datasets API (JSON and CSV), the replay of the whole service's state, and the OpenAPI
 * description, over real HTTP against a real broker; each test uses its own edition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "report.demo.load=true")
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@DirtiesContext
class DatasetApiTest {

    private static final String REVENUS = """
            {"title": "Revenus par source (données illustratives)",
             "columns": [{"name": "label", "type": "text"}, {"name": "amount", "type": "number"}],
             "rows": [["Gouvernements", 3200000], ["Fondations privées", "1400000.00"], ["Union européenne", 1234567.10]],
             "unit": "CHF", "source": "Données illustratives", "ownerTeam": "donateurs-finances"}""";

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        kafka.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Autowired
    IndicatorBook indicators;

    @Autowired
    DatasetBook datasets;

    @Test
    void theDemoFiguresLoadUnderTheRulesOfTheApi() {
        http.get().uri("/api/editions/2024/datasets").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").isEqualTo(List.of("finances-depenses", "finances-revenus"))
                .jsonPath("$[1].rows[0]").isEqualTo(List.of("Gouvernements", "3200000"))
                // the report's readers see the column names as table headers: French, as the report
                .jsonPath("$[1].columns[*].name").isEqualTo(List.of("Source", "Montant"))
                .jsonPath("$[0].columns[*].name").isEqualTo(List.of("Programme", "Montant"));
        http.get().uri("/api/editions/2024/indicators/sos-defenders.cases").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.value").isEqualTo(4445).jsonPath("$.ownerTeam").isEqualTo("defenseurs");
    }

    @Test
    void anAdminCreatesADatasetAndItsTeamReplacesItsRowsExactly() {
        put("demo-donateurs-finances", "2060", "finances-revenus", REVENUS, null).expectStatus().isForbidden();
        put("demo-admin", "2060", "finances-revenus", REVENUS, null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.rows[2][1]").isEqualTo("1234567.1").jsonPath("$.rows[1][1]").isEqualTo("1400000");

        String changed = REVENUS.replace("3200000", "3300000").replace(", \"ownerTeam\": \"donateurs-finances\"", "");
        put("demo-donateurs-finances", "2060", "finances-revenus", changed, null).expectStatus().isEqualTo(428);
        put("demo-enfants", "2060", "finances-revenus", changed, "\"1\"").expectStatus().isForbidden();
        put("demo-donateurs-finances", "2060", "finances-revenus", changed, "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.ownerTeam").isEqualTo("donateurs-finances").jsonPath("$.rows[0][1]").isEqualTo("3300000");
        // The same table again: nothing to publish.
        put("demo-donateurs-finances", "2060", "finances-revenus", changed, "\"2\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        put("demo-donateurs-finances", "2060", "finances-revenus", changed, "\"1\"").expectStatus().isEqualTo(412);

        assertThat(eventsOf("2060")).extracting(e -> e.getDataset().getRows().get(0).get(1)).containsExactly("3200000", "3300000");
    }

    @Test
    void anInvalidDatasetIsRefusedNamingEveryWrongCell() {
        put("demo-admin", "2061", "bad", """
                {"title": "Dépenses", "ownerTeam": "donateurs-finances",
                 "columns": [{"name": "label", "type": "text"}, {"name": "amount", "type": "number"}],
                 "rows": [["=SUM(A1:A9)", 1], ["Soutien aux victimes", 2], ["Réponse aux crises", 3],
                          ["Administration", "beaucoup"], ["Trop", 1, 2], ["Vide", null], ["Objet", {"a": 1}]]}""", null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field")
                .isEqualTo(List.of("rows[0][0]", "rows[3][1]", "rows[4]", "rows[5][1]", "rows[6][1]"));
        put("demo-admin", "2061", "bad", """
                {"ownerTeam": "donateurs-finances", "columns": [{"name": "label", "type": "date"}, {"name": "LABEL", "type": "text"}],
                 "rows": []}""", null)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("title", "columns[0].type", "columns[1].name"));
        String tooWide = "{\"title\": \"Large\", \"ownerTeam\": \"enfants\", \"rows\": [], \"columns\": ["
                + String.join(",", java.util.Collections.nCopies(51, "{\"name\": \"c\", \"type\": \"text\"}")) + "]}";
        put("demo-admin", "2061", "bad", tooWide, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("columns");
        put("demo-admin", "2061", "bad:import", REVENUS, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        assertThat(eventsOf("2061")).isEmpty();
    }

    @Test
    void anAdminDeletesADatasetOnlyFromItsCurrentRevision() {
        put("demo-admin", "2062", "finances-revenus", REVENUS, null).expectStatus().isCreated();

        delete("demo-donateurs-finances", "2062", "finances-revenus", "\"1\"").expectStatus().isForbidden();
        delete("demo-admin", "2062", "finances-revenus", null).expectStatus().isEqualTo(428);
        delete("demo-admin", "2062", "finances-revenus", "\"7\"").expectStatus().isEqualTo(412);
        delete("demo-admin", "2062", "finances-revenus", "\"1\"").expectStatus().isNoContent();

        http.get().uri("/api/editions/2062/datasets/finances-revenus").exchange().expectStatus().isNotFound();
        http.get().uri("/api/editions/2062/datasets").exchange().expectBody().json("[]");
        assertThat(eventsOf("2062")).hasSize(2);
        assertThat(eventsOf("2062").get(1).getDataset()).isNull();
    }

    @Test
    void aCsvImportReplacesTheRowsAllOrNothing() {
        put("demo-admin", "2063", "finances-depenses", REVENUS, null).expectStatus().isCreated();

        // Columns in another order than the dataset's: matched by name.
        String csv = """
                amount,label
                1900000,Défenseur.e.s des droits humains
                1300000.50,"Soutien aux victimes, Tunisie"
                -850000,Administration
                """;
        importCsv("demo-donateurs-finances", "2063", "finances-depenses", "", csv, null).expectStatus().isEqualTo(428);
        importCsv("demo-donateurs-finances", "2063", "finances-depenses", "", csv, "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().json("{\"revision\": 2, \"created\": false, \"changed\": true, \"rows\": 3}");
        http.get().uri("/api/editions/2063/datasets/finances-depenses").exchange()
                .expectBody().jsonPath("$.rows[1]").isEqualTo(List.of("Soutien aux victimes, Tunisie", "1300000.5"))
                .jsonPath("$.rows[2][1]").isEqualTo("-850000");
        importCsv("demo-donateurs-finances", "2063", "finances-depenses", "", csv, "\"2\"")
                .expectStatus().isOk().expectBody().json("{\"revision\": 2, \"changed\": false}");

        importCsv("demo-donateurs-finances", "2063", "finances-depenses", "", """
                label;amount
                Défenseur.e.s;1900000
                Victimes;beaucoup
                @SUM(1+1);3

                Trop;1;2
                """, "\"2\"").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rows[*].line").isEqualTo(List.of(3, 4, 6))
                .jsonPath("$.rows[*].field").isEqualTo(List.of("amount", "label", "row"));
        importCsv("demo-donateurs-finances", "2063", "finances-depenses", "", "label,montant\nX,1\n", "\"2\"")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.rows[*].field").isEqualTo(List.of("amount", "montant"));
        assertThat(eventsOf("2063")).hasSize(2);
    }

    @Test
    void aCsvImportCreatesADatasetWithInferredColumnTypes() {
        String csv = "programme,amount,share\nDéfenseur.e.s,1900000,31.5\nAdministration,850000,14\n";
        importCsv("demo-donateurs-finances", "2064", "finances-depenses", "?title=Dépenses&ownerTeam=donateurs-finances", csv, null)
                .expectStatus().isForbidden();
        importCsv("demo-admin", "2064", "finances-depenses", "?ownerTeam=donateurs-finances", csv, null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
        importCsv("demo-admin", "2064", "finances-depenses", "?title=Dépenses par programme&unit=CHF&ownerTeam=donateurs-finances", csv, null)
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.columns[*].type").isEqualTo(List.of("text", "number", "number"));
        http.get().uri("/api/editions/2064/datasets/finances-depenses").exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Dépenses par programme").jsonPath("$.unit").isEqualTo("CHF")
                .jsonPath("$.ownerTeam").isEqualTo("donateurs-finances");
    }

    @Test
    void aNewInstanceOnTheSameBrokerReplaysTheSameState() {
        put("demo-admin", "2065", "finances-revenus", REVENUS, null).expectStatus().isCreated();
        put("demo-admin", "2065", "finances-depenses", REVENUS, null).expectStatus().isCreated();
        delete("demo-admin", "2065", "finances-depenses", "\"1\"").expectStatus().isNoContent();
        http.post().uri("/api/editions/2065/indicators:import").header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin")
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("""
                        id,type,value,currency,label,ownerTeam
                        finances.total,money,6400000.00,CHF,Revenus totaux,donateurs-finances
                        programmes.share,percentage,86.5,,Part des programmes,donateurs-finances
                        """).exchange().expectStatus().isOk();
        http.post().uri("/api/editions/2065/indicators:import").header(HttpHeaders.AUTHORIZATION, "Bearer demo-admin")
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("id,value\nprogrammes.share,87\n")
                .exchange().expectStatus().isOk();

        // Another transactional id: the replaying instance must not fence this test's writer.
        // Command-line arguments: they override application.yml, unlike default properties.
        try (ConfigurableApplicationContext replayed = new SpringApplicationBuilder(FiguresServiceApplication.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.kafka.producer.transaction-id-prefix=figures-replay-test-")) {
            IndicatorBook replayedIndicators = replayed.getBean(IndicatorBook.class);
            DatasetBook replayedDatasets = replayed.getBean(DatasetBook.class);
            for (String edition : List.of("2024", "2060", "2062", "2063", "2064", "2065")) {
                assertThat(replayedIndicators.indicators(edition)).isEqualTo(indicators.indicators(edition));
                assertThat(replayedDatasets.datasets(edition)).isEqualTo(datasets.datasets(edition));
            }
            assertThat(replayedIndicators.indicators("2065")).extracting(i -> i.value().toString()).containsExactly("6400000", "87");
            assertThat(replayedDatasets.datasets("2065")).extracting(Dataset::id).containsExactly("finances-revenus");
            assertThat(replayedDatasets.latest("2065", "finances-depenses")).get()
                    .extracting(DatasetChanged::getRevision).isEqualTo(2L);
        }
    }

    @Test
    void aDatasetsHistoryListsItsRevisionsAndARestoreBringsBackTheOldRows() {
        put("demo-admin", "2066", "finances-revenus", REVENUS, null).expectStatus().isCreated();
        String changed = REVENUS.replace("3200000", "3300000").replace("Données illustratives\"", "Comptes 2066\"");
        put("demo-donateurs-finances", "2066", "finances-revenus", changed, "\"1\"").expectStatus().isOk();

        http.get().uri("/api/editions/2066/datasets/finances-revenus/revisions").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].revision").isEqualTo(List.of(1, 2))
                .jsonPath("$[*].updatedBy").isEqualTo(List.of("demo-admin", "demo-donateurs-finances"))
                .jsonPath("$[*].updatedByName").isEqualTo(List.of("Claire Dubois", "Antoine Lambert"))
                .jsonPath("$[1].updatedAt").exists()
                .jsonPath("$[0].changed").isEqualTo(List.of("title", "columns", "rows", "unit", "source", "ownerTeam", "texts"))
                .jsonPath("$[1].changed").isEqualTo(List.of("rows", "source"));
        http.get().uri("/api/editions/2066/datasets/finances-revenus/revisions/1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rows[0][1]").isEqualTo("3200000").jsonPath("$.revision").isEqualTo(1);

        restore("demo-enfants", "2066", "finances-revenus", 1, null).expectStatus().isForbidden();
        restore("demo-donateurs-finances", "2066", "finances-revenus", 1, "\"1\"").expectStatus().isEqualTo(412);
        assertThat(eventsOf("2066")).hasSize(2);

        restore("demo-donateurs-finances", "2066", "finances-revenus", 1, null)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().jsonPath("$.rows[0][1]").isEqualTo("3200000").jsonPath("$.source").isEqualTo("Données illustratives")
                .jsonPath("$.ownerTeam").isEqualTo("donateurs-finances");
        List<DatasetChanged> events = eventsOf("2066");
        assertThat(events).hasSize(3);
        assertThat(events.get(2).getDataset()).isEqualTo(events.get(0).getDataset());

        delete("demo-admin", "2066", "finances-revenus", "\"3\"").expectStatus().isNoContent();
        restore("demo-donateurs-finances", "2066", "finances-revenus", 2, null).expectStatus().isForbidden();
        restore("demo-admin", "2066", "finances-revenus", 4, null).expectStatus().isBadRequest();
        restore("demo-admin", "2066", "finances-revenus", 2, null)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"5\"")
                .expectBody().jsonPath("$.rows[0][1]").isEqualTo("3300000");
        assertThat(eventsOf("2066")).hasSize(5);
    }

    @Test
    void theOpenApiDescriptionNamesEveryOperationAndTheBearerScheme() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/editions/{edition}/indicators:import'].post").exists()
                .jsonPath("$.paths['/api/editions/{edition}/indicators/{id}'].delete").exists()
                .jsonPath("$.paths['/api/editions/{edition}/datasets/{id}'].put").exists()
                .jsonPath("$.paths['/api/editions/{edition}/datasets/{id}:import'].post").exists()
                .jsonPath("$.paths['/api/editions/{edition}/indicators/{id}/revisions'].get").exists()
                .jsonPath("$.paths['/api/editions/{edition}/datasets/{id}/revisions/{revision}/restore'].post.security[0].bearer").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/editions/{edition}/indicators/{id}'].put.security[0].bearer").exists()
                .jsonPath("$.paths['/api/editions/{edition}/indicators:import'].post.requestBody.content['text/csv']").exists()
                .jsonPath("$.paths['/api/editions/{edition}/indicators'].get.responses['200'].content['application/json']").exists();
    }

    private WebTestClient.ResponseSpec put(String token, String edition, String id, String json, String ifMatch) {
        return http.put().uri("/api/editions/" + edition + "/datasets/" + id)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec delete(String token, String edition, String id, String ifMatch) {
        return http.delete().uri("/api/editions/" + edition + "/datasets/" + id)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .exchange();
    }

    private WebTestClient.ResponseSpec importCsv(String token, String edition, String id, String query, String csv, String ifMatch) {
        return http.post().uri("/api/editions/" + edition + "/datasets/" + id + ":import" + query)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange();
    }

    private WebTestClient.ResponseSpec restore(String token, String edition, String id, int revision, String ifMatch) {
        return http.post().uri("/api/editions/" + edition + "/datasets/" + id + "/revisions/" + revision + "/restore")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .exchange();
    }

    private static List<DatasetChanged> eventsOf(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.DATASETS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
