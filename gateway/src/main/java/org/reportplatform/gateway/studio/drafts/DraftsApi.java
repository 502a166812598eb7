package org.reportplatform.gateway.studio.drafts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * content-service's drafts API, asked as the person in the studio (the service decides who may
 * read, write, review and publish a draft; the studio only hides what a person may not use).
 */
public final class DraftsApi {

    private static final String DRAFT = "/api/editions/{edition}/chapters/{slug}/draft";

    private final BackendClient content;

    public DraftsApi(BackendClient content) {
        this.content = content;
    }

    /**
     * The chapter's open draft; empty when there is none (404) or when the person may not read
     * drafts of this chapter (403: someone of another team, who sees the published chapter).
     */
    public Mono<Optional<Draft>> find(Caller caller, String edition, String slug) {
        return content.get(caller, DRAFT, edition, slug).fetchJson()
                .map(answer -> Optional.of(Draft.of(answer.body())))
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 404 || refusal.status() == 403
                        ? Mono.just(Optional.empty()) : Mono.error(refusal));
    }

    /**
     * Writes the title and text: a new draft when {@code revision} is negative ({@code If-None-Match: *}),
     * else the draft at that revision ({@code If-Match}). {@code baseRevision}: the published revision a
     * merge was made with (null otherwise).
     */
    public Mono<Draft> save(Caller caller, String edition, String slug, long revision, String title, String body, Long baseRevision) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("title", title);
        text.put("body", body);
        if (baseRevision != null) {
            text.put("baseRevision", baseRevision);
        }
        BackendClient.Request put = content.put(caller, DRAFT, edition, slug).json(text);
        return (revision < 0 ? put.ifNoneMatchAny() : put.ifMatch(revision)).fetchJson().map(answer -> Draft.of(answer.body()));
    }

    /** A review or schedule action ({@code submit}, {@code approve}, {@code request-changes}, {@code schedule}, {@code unschedule}). */
    public Mono<Draft> act(Caller caller, String edition, String slug, String action, long revision, Map<String, Object> fields) {
        BackendClient.Request post = content.post(caller, DRAFT + ":" + action, edition, slug).json(fields);
        return (revision < 0 ? post : post.ifMatch(revision)).fetchJson().map(answer -> Draft.of(answer.body()));
    }

    /** Publishes the draft at {@code revision}: the chapter's new revision (its JSON). */
    public Mono<JsonNode> publish(Caller caller, String edition, String slug, long revision) {
        BackendClient.Request post = content.post(caller, DRAFT + ":publish", edition, slug).json(Map.of());
        return (revision < 0 ? post : post.ifMatch(revision)).fetchJson().map(BackendClient.Answer::body);
    }

    public Mono<Void> discard(Caller caller, String edition, String slug, long revision) {
        return content.delete(caller, DRAFT, edition, slug).ifMatch(revision).send().then();
    }

    /** The open drafts the person may read, in report order; {@code scheduled}: only those with a publication time. */
    public Mono<List<Draft>> list(Caller caller, String edition, boolean scheduled) {
        return content.get(caller, "/api/editions/{edition}/drafts" + (scheduled ? "?scheduled=true" : ""), edition).fetchJson()
                .map(answer -> {
                    List<Draft> drafts = new ArrayList<>();
                    if (answer.body() != null && answer.body().isArray()) {
                        answer.body().forEach(json -> drafts.add(Draft.of(json)));
                    }
                    return List.copyOf(drafts);
                });
    }
}
