package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Editions on the real platform, through the gateway: the next edition prepared from 2024 (its
 * chapters, owners and order, its key figures without values), not public until it is published;
 * the closed demo edition 2023 refusing a chapter edit and taking an erratum, shown on its public
 * page. Editions this class creates: 2025 only; it corrects chapter defenseurs of 2023.
 */
@ExtendWith(StudioPlatform.class)
class EditionsOnBrokerTest {

    private static final String ADMIN = ReportApi.ADMIN;

    private final Platform platform = StudioPlatform.get();
    private final RawHttp raw = new RawHttp(platform.gatewayUrl());
    private final Http gateway = new Http(platform.gatewayUrl());

    @Test
    void theNextEditionIsPreparedFrom2024AndIsPublicOnceItIsPublished() {
        // When an admin prepares 2025 from 2024
        RawHttp.Answer created = raw.send("POST", "/api/editions/2025", ReportApi.headers(ADMIN, "Accept", "application/json"),
                "{\"from\": \"2024\"}".getBytes());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat((String) JsonPath.read(created.body(), "$.status")).isEqualTo("preparing");
        assertThat((String) JsonPath.read(created.body(), "$.title")).isEqualTo("Rapport annuel 2025");

        // Then it has 2024's chapters, with the same owners, in the same order
        List<Map<String, Object>> before = JsonPath.read(raw.get("/api/editions/2024/chapters").body(), "$");
        List<Map<String, Object>> after = JsonPath.read(raw.get("/api/editions/2025/chapters").body(), "$");
        assertThat(after).extracting(c -> c.get("slug")).containsExactlyElementsOf(before.stream().map(c -> c.get("slug")).toList());
        assertThat(after).extracting(c -> c.get("ownerTeam"))
                .containsExactlyElementsOf(before.stream().map(c -> c.get("ownerTeam")).toList());
        assertThat(after).extracting(c -> c.get("body")).containsExactlyElementsOf(before.stream().map(c -> c.get("body")).toList());
        // and figures-service gives it 2024's key figures, without their values
        List<String> figures2024 = JsonPath.read(raw.get("/api/editions/2024/indicators").body(), "$[*].id");
        await("2025's key figures").atMost(Duration.ofSeconds(30))
                .until(() -> JsonPath.<List<String>>read(raw.get("/api/editions/2025/indicators").body(), "$[*].id").size() == figures2024.size());
        String figures2025 = raw.get("/api/editions/2025/indicators").body();
        assertThat(JsonPath.<List<String>>read(figures2025, "$[*].id")).containsExactlyInAnyOrderElementsOf(figures2024);
        assertThat(JsonPath.<List<Object>>read(figures2025, "$[*].value")).hasSize(figures2024.size()).containsOnlyNulls();

        // and, being prepared, it has no public page: not even once a later change (an erratum of 2023) is served
        String note = correct2023();
        await("the erratum on 2023's page").atMost(Duration.ofSeconds(60))
                .until(() -> gateway.get("/2023/defenseurs").body().contains(note));
        assertThat(gateway.get("/2025/").statusCode()).isEqualTo(404);
        assertThat(raw.get("/api/editions/2025").status()).as("a prepared edition is not shown anonymously").isEqualTo(404);

        // When it is published, its pages are served
        RawHttp.Answer published = raw.send("POST", "/api/editions/2025:publish", ReportApi.headers(ADMIN, "Accept", "application/json"), null);
        assertThat(published.status()).as("%s", published).isEqualTo(200);
        await("/2025/ served").atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/2025/").statusCode() == 200);
        assertThat(raw.get("/api/editions/2025").status()).isEqualTo(200);
    }

    /**
     * 2023 (closed by the demo once its key figures are in) refuses a team's edit with the reason,
     * then takes the team's erratum; answers the erratum's note.
     */
    private String correct2023() {
        await("2023 closed").atMost(Duration.ofSeconds(60))
                .until(() -> raw.get("/api/editions/2023").body().contains("\"closed\""));
        RawHttp.Answer chapter = raw.get("/api/editions/2023/chapters/defenseurs");
        String title = JsonPath.read(chapter.body(), "$.title");
        String body = JsonPath.read(chapter.body(), "$.body");
        String etag = chapter.header("etag");

        RawHttp.Answer refused = raw.send("PUT", "/api/editions/2023/chapters/defenseurs", ReportApi.headers("demo-defenseurs", "If-Match", etag),
                ReportApi.json("{\"title\": %s, \"body\": %s}", title, body + "\n\nUne phrase de plus."));
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("edition");
        assertThat((String) JsonPath.read(refused.body(), "$.errors[0].problem"))
                .isEqualTo("the 2023 edition is closed: it can only be corrected by an erratum");

        String note = "Le nom de l’Observatoire était incomplet (" + System.nanoTime() + ").";
        String corrected = body.replace("l’Observatoire pour", "l’Observatoire (FIDH-OMCT) pour");
        RawHttp.Answer erratum = raw.send("PUT", "/api/editions/2023/chapters/defenseurs", ReportApi.headers("demo-defenseurs", "If-Match", etag),
                ReportApi.json("{\"title\": %s, \"body\": %s, \"erratum\": %s}", title, corrected, note));
        assertThat(erratum.status()).as("%s", erratum).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(erratum.body(), "$.errata[*].note")).containsExactly(note);
        await("« Corrigé le » on 2023's page").atMost(Duration.ofSeconds(60))
                .until(() -> gateway.get("/2023/defenseurs").body().contains("Corrigé le"));
        return note;
    }
}
