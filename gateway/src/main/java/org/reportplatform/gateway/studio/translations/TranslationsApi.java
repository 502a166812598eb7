package org.reportplatform.gateway.studio.translations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.studio.drafts.DraftsApi;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;

/** content-service's translations API as the studio calls it, as the person looking. */
public final class TranslationsApi {

    static final String TRANSLATION = "/api/editions/{edition}/chapters/{slug}/translations/{lang}";

    private final BackendClient content;

    public TranslationsApi(BackendClient content) {
        this.content = content;
    }

    /** A chapter's translations, one row per target language of the edition. */
    public Mono<List<TranslationRow>> rows(Caller caller, String edition, String slug) {
        return Mono.zip(content.get(caller, "/api/editions/{edition}/chapters/{slug}/translations", edition, slug).fetchJson(),
                openDrafts(caller, edition)).map(both -> {
            List<TranslationRow> rows = new ArrayList<>();
            if (both.getT1().body() != null && both.getT1().body().isArray()) {
                both.getT1().body().forEach(json -> rows.add(TranslationRow.of(json.path("language").asString(""), json)
                        .withDrafts(slug, both.getT2())));
            }
            return List.copyOf(rows);
        });
    }

    /**
     * The open translation drafts the person may read, as {@code slug/language}: the drafts API
     * lists only those (none for someone signed out, or when it does not answer: the table then
     * just says nothing of drafts).
     */
    Mono<java.util.Set<String>> openDrafts(Caller caller, String edition) {
        return DraftsApi.translationDrafts(content, caller, edition)
                .map(drafts -> drafts.stream().map(draft -> draft.slug() + "/" + draft.language())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()))
                .onErrorReturn(java.util.Set.of());
    }

    /** The translation; empty when there is none yet (404). */
    Mono<Optional<Translation>> find(Caller caller, String edition, String slug, String language) {
        return content.get(caller, TRANSLATION, edition, slug, language).fetchJson()
                .map(answer -> Optional.of(Translation.of(answer.body(), language)))
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 404 ? Mono.just(Optional.empty()) : Mono.error(refusal));
    }

    /**
     * Saves the translation as translating chapter revision {@code sourceRevision}: created
     * ({@code If-None-Match: *}) when {@code revision} is absent, else changed on that revision
     * ({@code If-Match}). {@code translatorTeam} is sent only when given (only admins may set it).
     */
    Mono<Translation> save(Caller caller, String edition, String slug, String language, Long revision, String title, String body,
            long sourceRevision, String translatorTeam) {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("title", title);
        sent.put("body", body);
        sent.put("sourceRevision", sourceRevision);
        if (translatorTeam != null) {
            sent.put("translatorTeam", translatorTeam);
        }
        BackendClient.Request put = content.put(caller, TRANSLATION, edition, slug, language).json(sent);
        if (revision == null) {
            put.ifNoneMatchAny();
        } else {
            put.ifMatch(revision);
        }
        return put.fetchJson().map(answer -> Translation.of(answer.body(), language));
    }

    /** An admin names the translator team alone (title and text stay as they are, or none yet). */
    Mono<Translation> assign(Caller caller, String edition, String slug, String language, Long revision, String translatorTeam) {
        BackendClient.Request put = content.put(caller, TRANSLATION, edition, slug, language).json(Map.of("translatorTeam", translatorTeam));
        if (revision == null) {
            put.ifNoneMatchAny();
        } else {
            put.ifMatch(revision);
        }
        return put.fetchJson().map(answer -> Translation.of(answer.body(), language));
    }

    /** The edition's status table. */
    Mono<TranslationStatus> status(Caller caller, String edition) {
        return Mono.zip(content.get(caller, "/api/editions/{edition}/translations", edition).fetchJson(), openDrafts(caller, edition))
                .map(both -> TranslationStatus.of(both.getT1().body()).withDrafts(both.getT2()));
    }
}
