package org.reportplatform.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code ?dryRun=true} on the figures writes (indicator PUT and import, dataset PUT and import),
 * over real HTTP against a real broker: the same answers and refusals as the real call, and no
 * event on the topic, checked against a real write made after the dry runs (its event must be
 * the next one of the edition). Each test uses its own edition ({@code 2080}…; the service is shared:
 * {@link FiguresServiceOnBroker}).
 */
class DryRunTest extends FiguresServiceOnBroker {

    private static final String CASES = "{\"label\":\"Cas documentés\",\"type\":\"integer\",\"value\":%s,\"unit\":\"cas\"%s}";
    private static final String DATASET = """
            {"title": "Dépenses", "columns": [{"name": "label", "type": "text"}, {"name": "amount", "type": "number"}],
             "rows": [["Défenseur.e.s", %s], ["Administration", 850000]], "unit": "CHF"%s}""";

    @Autowired
    WebTestClient http;

    @Test
    void anIndicatorPutDryRunAnswersAsThePutWouldAndWritesNothing() {
        // Given an indicator at revision 1, owned by defenseurs
        put("indicators", "demo-admin", "2080", "sos-defenders.cases", CASES.formatted(4445, ",\"ownerTeam\":\"defenseurs\""), null, false)
                .expectStatus().isCreated();

        // When its team dry-runs a change: the indicator as it would be, at its current revision
        put("indicators", "demo-defenseurs", "2080", "sos-defenders.cases", CASES.formatted(4500, ""), "\"1\"", true)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.value").isEqualTo(4500).jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.ownerTeam").isEqualTo("defenseurs").jsonPath("$.updatedBy").isEqualTo("demo-defenseurs");
        // and a creation's dry run is 200 at revision 0, not 201
        put("indicators", "demo-admin", "2080", "new.one", CASES.formatted(1, ",\"ownerTeam\":\"enfants\""), null, true)
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.ETAG)
                .expectBody().jsonPath("$.revision").isEqualTo(0).jsonPath("$.value").isEqualTo(1);

        // Then the dry runs refuse exactly as the real PUT does
        put("indicators", "demo-defenseurs", "2080", "sos-defenders.cases", CASES.formatted("\"beaucoup\"", ""), "\"1\"", true)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("value");
        put("indicators", "demo-enfants", "2080", "sos-defenders.cases", CASES.formatted(4500, ""), "\"1\"", true)
                .expectStatus().isForbidden();
        put("indicators", "demo-defenseurs", "2080", "sos-defenders.cases", CASES.formatted(4500, ""), "\"7\"", true)
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.currentRevision").isEqualTo(1);
        put("indicators", "demo-defenseurs", "2080", "sos-defenders.cases", CASES.formatted(4500, ""), null, true)
                .expectStatus().isEqualTo(428);
        put("indicators", "demo-defenseurs", "2080", "brand.new", CASES.formatted(1, ",\"ownerTeam\":\"defenseurs\""), null, true)
                .expectStatus().isForbidden();

        // and nothing was written: the real PUT made now is revision 2, the edition's second event
        put("indicators", "demo-defenseurs", "2080", "sos-defenders.cases", CASES.formatted(4501, ""), "\"1\"", false)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        assertThat(indicatorEvents("2080")).extracting(e -> e.getIndicatorId() + "@" + e.getRevision() + "=" + e.getIndicator().getValue())
                .containsExactly("sos-defenders.cases@1=4445", "sos-defenders.cases@2=4501");
    }

    @Test
    void anImportDryRunListsEveryChangeAndTheImportAppliesItOnlyIfNothingChangedSince() {
        // Given two indicators of defenseurs
        put("indicators", "demo-admin", "2081", "sos-defenders.cases", CASES.formatted(4445, ",\"ownerTeam\":\"defenseurs\""), null, false)
                .expectStatus().isCreated();
        put("indicators", "demo-admin", "2081", "sos-defenders.released", CASES.formatted(42, ",\"ownerTeam\":\"defenseurs\""), null, false)
                .expectStatus().isCreated();
        String csv = "id,value,unit\nsos-defenders.cases,4500,cas\nsos-defenders.released,42,cas\n";

        // When the team dry-runs a file that changes one of them
        JsonNode dryRun = importIndicators("demo-defenseurs", "2081", csv, "?dryRun=true").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        // Then every row's change is listed, with the counts of the real import and no event
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.get("events").asInt()).isZero();
        assertThat(dryRun.get("rows").asInt()).isEqualTo(2);
        assertThat(dryRun.get("changed").asInt()).isEqualTo(1);
        assertThat(dryRun.get("unchanged").asInt()).isEqualTo(1);
        assertThat(dryRun.get("created").asInt()).isZero();
        JsonNode first = dryRun.get("changes").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("id").asString()).isEqualTo("sos-defenders.cases");
        assertThat(first.get("action").asString()).isEqualTo("change");
        assertThat(first.get("fields").toString()).isEqualTo("[{\"field\":\"value\",\"before\":\"4445\",\"after\":\"4500\"}]");
        assertThat(dryRun.get("changes").get(1).get("action").asString()).isEqualTo("unchanged");
        String basis = dryRun.get("basis").asString();
        assertThat(basis).isNotBlank();

        // and a bad file's dry run refuses it as the import does, every bad row listed
        importIndicators("demo-defenseurs", "2081", "id,value\nsos-defenders.cases,beaucoup\nsos-defenders.released,1 000\n", "?dryRun=true")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.rows[*].line").isEqualTo(List.of(2, 3));
        importIndicators("demo-enfants", "2081", csv, "?dryRun=true").expectStatus().isForbidden();

        // When someone changes an indicator of the file after the dry run
        put("indicators", "demo-defenseurs", "2081", "sos-defenders.released", CASES.formatted(43, ""), "\"1\"", false)
                .expectStatus().isOk();

        // Then the import based on that dry run is refused with 412 naming basis, and writes nothing
        importIndicators("demo-defenseurs", "2081", csv, "?basis=" + basis).expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("basis");

        // and with a new dry run's basis it applies exactly what that dry run listed
        JsonNode again = importIndicators("demo-defenseurs", "2081", csv, "?dryRun=true").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("changed").asInt()).isEqualTo(2);
        assertThat(again.get("basis").asString()).isNotEqualTo(basis);
        importIndicators("demo-defenseurs", "2081", csv, "?basis=" + again.get("basis").asString()).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(2).jsonPath("$.events").isEqualTo(2);

        // and the topic holds only the real writes: two creations, the PUT, the import
        assertThat(indicatorEvents("2081")).extracting(e -> e.getIndicatorId() + "@" + e.getRevision() + "=" + e.getIndicator().getValue())
                .containsExactly("sos-defenders.cases@1=4445", "sos-defenders.released@1=42", "sos-defenders.released@2=43",
                        "sos-defenders.cases@2=4500", "sos-defenders.released@3=42");
    }

    @Test
    void datasetDryRunsAnswerAsTheWritesWouldAndWriteNothing() {
        // Given a dataset at revision 1
        put("datasets", "demo-admin", "2082", "finances-depenses", DATASET.formatted(1900000, ", \"ownerTeam\": \"donateurs-finances\""), null, false)
                .expectStatus().isCreated();

        // When its team dry-runs a PUT and an import
        put("datasets", "demo-donateurs-finances", "2082", "finances-depenses", DATASET.formatted(2000000, ""), "\"1\"", true)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.revision").isEqualTo(1).jsonPath("$.rows[0][1]").isEqualTo("2000000");
        importDataset("demo-donateurs-finances", "2082", "finances-depenses", "?dryRun=true", "label,amount\nDéfenseur.e.s,1950000.50\n", "\"1\"")
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.ETAG)
                .expectBody().json("""
                        {"edition": "2082", "id": "finances-depenses", "revision": 1, "created": false, "changed": true, "rows": 1,
                         "dryRun": true, "dataset": {"revision": 1, "rows": [["Défenseur.e.s", "1950000.5"]], "title": "Dépenses"}}""");
        // and a creation by import
        importDataset("demo-admin", "2082", "new-table", "?dryRun=true&title=Nouveau&ownerTeam=donateurs-finances", "a,b\nx,1\n", null)
                .expectStatus().isOk().expectBody().json("""
                        {"revision": 0, "created": true, "changed": true, "dryRun": true,
                         "columns": [{"name": "a", "type": "text"}, {"name": "b", "type": "number"}], "dataset": {"revision": 0}}""");

        // Then they refuse as the real calls do
        put("datasets", "demo-donateurs-finances", "2082", "finances-depenses", DATASET.formatted(2000000, ""), null, true)
                .expectStatus().isEqualTo(428);
        put("datasets", "demo-enfants", "2082", "finances-depenses", DATASET.formatted(2000000, ""), "\"1\"", true)
                .expectStatus().isForbidden();
        importDataset("demo-donateurs-finances", "2082", "finances-depenses", "?dryRun=true", "label,amount\nX,beaucoup\n", "\"1\"")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.rows[0].field").isEqualTo("amount");
        importDataset("demo-donateurs-finances", "2082", "finances-depenses", "?dryRun=true", "label,amount\nX,1\n", "\"3\"")
                .expectStatus().isEqualTo(412);

        // and nothing was written: the real import made now is revision 2, the edition's second event
        importDataset("demo-donateurs-finances", "2082", "finances-depenses", "", "label,amount\nDéfenseur.e.s,1950000.50\n", "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        assertThat(datasetEvents("2082")).extracting(e -> e.getDatasetId() + "@" + e.getRevision())
                .containsExactly("finances-depenses@1", "finances-depenses@2");
    }

    private WebTestClient.ResponseSpec put(String kind, String token, String edition, String id, String json, String ifMatch, boolean dryRun) {
        return http.put().uri("/api/editions/" + edition + "/" + kind + "/" + id + (dryRun ? "?dryRun=true" : ""))
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec importIndicators(String token, String edition, String csv, String query) {
        return http.post().uri("/api/editions/" + edition + "/indicators:import" + query)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).bodyValue(csv).exchange();
    }

    private WebTestClient.ResponseSpec importDataset(String token, String edition, String id, String query, String csv, String ifMatch) {
        return http.post().uri("/api/editions/" + edition + "/datasets/" + id + ":import" + query)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).bodyValue(csv).exchange();
    }

    private List<IndicatorChanged> indicatorEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.INDICATORS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    private List<DatasetChanged> datasetEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.DATASETS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
