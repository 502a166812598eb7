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
    private static final String TRANSLATION_DRAFT = "/api/editions/{edition}/chapters/{slug}/translations/{language}/draft";

    private final BackendClient content;
    private final String draft;
    private final String language;

    /** The chapters' own drafts. */
    public DraftsApi(BackendClient content) {
        this(content, null);
    }

    private DraftsApi(BackendClient content, String language) {
        this.content = content;
        this.language = language;
        this.draft = language == null ? DRAFT : TRANSLATION_DRAFT;
    }

    /** The drafts of the chapters' translations into {@code language}: the same verbs, on {@code …/translations/{language}/draft}. */
    public static DraftsApi ofTranslations(BackendClient content, String language) {
        return new DraftsApi(content, language);
    }

    private Object[] at(String edition, String slug) {
        return language == null ? new Object[] {edition, slug} : new Object[] {edition, slug, language};
    }

    /**
     * The chapter's open draft; empty when there is none (404) or when the person may not read
     * drafts of this chapter (403: someone of another team, who sees the published chapter).
     */
    public Mono<Optional<Draft>> find(Caller caller, String edition, String slug) {
        return content.get(caller, draft, at(edition, slug)).fetchJson()
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
        BackendClient.Request put = content.put(caller, draft, at(edition, slug)).json(text);
        return (revision < 0 ? put.ifNoneMatchAny() : put.ifMatch(revision)).fetchJson().map(answer -> Draft.of(answer.body()));
    }

    /** A review or schedule action ({@code submit}, {@code approve}, {@code request-changes}, {@code schedule}, {@code unschedule}). */
    public Mono<Draft> act(Caller caller, String edition, String slug, String action, long revision, Map<String, Object> fields) {
        BackendClient.Request post = content.post(caller, draft + ":" + action, at(edition, slug)).json(fields);
        return (revision < 0 ? post : post.ifMatch(revision)).fetchJson().map(answer -> Draft.of(answer.body()));
    }

    /** Publishes the draft at {@code revision}: the chapter's new revision (its JSON). */
    public Mono<JsonNode> publish(Caller caller, String edition, String slug, long revision) {
        BackendClient.Request post = content.post(caller, draft + ":publish", at(edition, slug)).json(Map.of());
        return (revision < 0 ? post : post.ifMatch(revision)).fetchJson().map(BackendClient.Answer::body);
    }

    public Mono<Void> discard(Caller caller, String edition, String slug, long revision) {
        return content.delete(caller, draft, at(edition, slug)).ifMatch(revision).send().then();
    }

    /** The open drafts of chapters the person may read, in report order; {@code scheduled}: only those with a publication time. */
    public Mono<List<Draft>> list(Caller caller, String edition, boolean scheduled) {
        return list(content, caller, edition, scheduled ? "?scheduled=true" : "");
    }

    /** The open drafts of translations (into any language) the person may read, in report order. */
    public static Mono<List<Draft>> translationDrafts(BackendClient content, Caller caller, String edition) {
        return list(content, caller, edition, "?translations=true");
    }

    private static Mono<List<Draft>> list(BackendClient content, Caller caller, String edition, String query) {
        return content.get(caller, "/api/editions/{edition}/drafts" + query, edition).fetchJson()
                .map(answer -> {
                    List<Draft> drafts = new ArrayList<>();
                    if (answer.body() != null && answer.body().isArray()) {
                        answer.body().forEach(json -> drafts.add(Draft.of(json)));
                    }
                    return List.copyOf(drafts);
                });
    }
}
