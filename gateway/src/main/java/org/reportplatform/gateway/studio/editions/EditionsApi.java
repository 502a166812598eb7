package org.reportplatform.gateway.studio.editions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * content-service's editions API as the studio calls it, as the person looking: the list, one
 * edition, preparing the next one from an existing one, publishing and closing. An edition the
 * API does not know but the studio is configured with (older data) reads as
 * {@link Edition#unrecorded}.
 */
public final class EditionsApi {

    static final String EDITIONS = "/api/editions";
    static final String EDITION = "/api/editions/{edition}";

    private final BackendClient content;

    public EditionsApi(BackendClient content) {
        this.content = content;
    }

    /** Every edition the person may see, newest first. */
    public Mono<List<Edition>> list(Caller caller) {
        return content.get(caller, EDITIONS).fetchJson().map(answer -> {
            List<Edition> editions = new ArrayList<>();
            if (answer.body() != null && answer.body().isArray()) {
                answer.body().forEach(json -> editions.add(Edition.of(json, null)));
            }
            editions.sort((a, b) -> b.edition().compareTo(a.edition()));
            return List.copyOf(editions);
        });
    }

    /** The edition; empty when the API does not know it (404). */
    public Mono<Optional<Edition>> find(Caller caller, String edition) {
        return content.get(caller, EDITION, edition).fetchJson()
                .map(answer -> Optional.of(Edition.of(answer.body(), edition)))
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 404 ? Mono.just(Optional.empty()) : Mono.error(refusal));
    }

    /**
     * The edition as the studio works with it: the API's, or {@link Edition#unrecorded} when the
     * API does not know it or cannot say (the pages then behave as before editions existed).
     */
    public Mono<Edition> describe(Caller caller, String edition) {
        return find(caller, edition).map(found -> found.orElseGet(() -> Edition.unrecorded(edition)))
                .onErrorResume(error -> !(error instanceof BackendRefusal refusal) || refusal.status() >= 500 || refusal.status() == 405,
                        error -> Mono.just(Edition.unrecorded(edition)));
    }

    /** {@code POST /api/editions/{year}} {@code {"from": …}}: the next edition, a copy of {@code from}'s chapters and figures. */
    public Mono<Edition> prepare(Caller caller, String year, String from, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        if (title != null && !title.isBlank()) {
            body.put("title", title.strip());
        }
        return content.post(caller, EDITION, year).json(body).fetchJson().map(answer -> Edition.of(answer.body(), year));
    }

    /**
     * {@code PUT /api/editions/{e}} with {@code If-Match}: the titles, whether readers see that a
     * translation is stale, and whether texts with accessibility findings are refused publication;
     * the languages are sent as they are (the settings page does not change them).
     */
    public Mono<Edition> change(Caller caller, Edition edition, String title, Map<String, String> titles, boolean staleNotice,
            boolean accessibilityBlocking) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("titles", titles);
        body.put("targetLanguages", edition.targetLanguages());
        body.put("staleNotice", staleNotice);
        body.put("accessibilityBlocking", accessibilityBlocking);
        return content.put(caller, EDITION, edition.edition()).ifMatch(edition.revision()).json(body).fetchJson()
                .map(answer -> Edition.of(answer.body(), edition.edition()));
    }

    /** {@code POST /api/editions/{e}:publish}. */
    public Mono<Edition> publish(Caller caller, String edition) {
        return content.post(caller, EDITION + ":publish", edition).fetchJson().map(answer -> Edition.of(answer.body(), edition));
    }

    /** {@code POST /api/editions/{e}:close}. */
    public Mono<Edition> close(Caller caller, String edition) {
        return content.post(caller, EDITION + ":close", edition).fetchJson().map(answer -> Edition.of(answer.body(), edition));
    }
}
