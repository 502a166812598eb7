package org.reportplatform.content.drafts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the drafts tests send (a chapter of team defenseurs created by an admin, a draft saved,
 * an action posted) and what their broker's topics hold of an edition.
 */
final class DraftRequests {

    static final String ADMIN = "demo-admin";
    static final String TEAM = "demo-defenseurs";
    static final String REVIEWER = "demo-reviewer";
    static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;
    private final KafkaBroker kafka;

    DraftRequests(WebTestClient http, KafkaBroker kafka) {
        this.http = http;
        this.kafka = kafka;
    }

    /** An admin creates chapter {@code slug}, owned by the team of the same name. */
    void chapter(String edition, String slug, String body) {
        http.put().uri("/api/editions/" + edition + "/chapters/" + slug).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Défenseur.e.s", "body", body, "ownerTeam", slug))
                .exchange().expectStatus().isCreated();
    }

    /** PUT .../draft; {@code precondition} {@code *} sends If-None-Match, another value If-Match, null neither. */
    WebTestClient.ResponseSpec draftPut(String token, String edition, String slug, String body, String precondition, Long baseRevision) {
        Map<String, Object> request = new HashMap<>(Map.of("title", "Défenseur.e.s", "body", body));
        if (baseRevision != null) {
            request.put("baseRevision", baseRevision);
        }
        return http.put().uri("/api/editions/" + edition + "/chapters/" + slug + "/draft")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if ("*".equals(precondition)) {
                        h.set(HttpHeaders.IF_NONE_MATCH, "*");
                    } else if (precondition != null) {
                        h.set(HttpHeaders.IF_MATCH, precondition);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange();
    }

    WebTestClient.ResponseSpec post(String token, String path, Map<String, ?> body, String ifMatch) {
        WebTestClient.RequestBodySpec request = http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                });
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    List<ChapterChanged> chapterEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.CHAPTERS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }

    List<DraftChanged> draftEvents(String edition) {
        return new TopicReader(kafka.bootstrapServers()).values(Topics.DRAFTS).stream()
                .filter(e -> e.getEdition().equals(edition)).toList();
    }
}
