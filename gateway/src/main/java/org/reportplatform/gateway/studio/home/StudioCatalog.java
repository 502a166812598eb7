package org.reportplatform.gateway.studio.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.drafts.Draft;
import org.reportplatform.gateway.studio.drafts.DraftsApi;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * An edition's chapters, indicators and datasets, read from the services as the person looking
 * (the services answer everyone's reads; what the person may change is marked on each item with
 * {@link Caller#mayEdit}, the rule the services apply).
 */
final class StudioCatalog {

    private final Backends backends;
    private final DraftsApi drafts;

    StudioCatalog(Backends backends) {
        this.backends = backends;
        this.drafts = new DraftsApi(backends.content());
    }

    /** The chapters in report order (positions 1..n). */
    Mono<List<StudioItems.Chapter>> chapters(Caller caller, String edition) {
        return list(backends.content(), caller, "/api/editions/{edition}/chapters", edition,
                (json, mayEdit) -> StudioItems.Chapter.of(json, mayEdit))
                .map(chapters -> chapters.stream().sorted(Comparator.comparingInt(StudioItems.Chapter::position)).toList());
    }

    Mono<List<StudioItems.Indicator>> indicators(Caller caller, String edition) {
        return list(backends.figures(), caller, "/api/editions/{edition}/indicators", edition,
                (json, mayEdit) -> StudioItems.Indicator.of(json, mayEdit));
    }

    Mono<List<StudioItems.Dataset>> datasets(Caller caller, String edition) {
        return list(backends.figures(), caller, "/api/editions/{edition}/datasets", edition,
                (json, mayEdit) -> StudioItems.Dataset.of(json, mayEdit));
    }

    /** The open drafts the person may read, in report order. */
    Mono<List<Draft>> drafts(Caller caller, String edition) {
        return drafts.list(caller, edition, false);
    }

    /**
     * The key figures' values waiting for their publication time. A figures-service without
     * scheduled values (404: an older version) has none to list.
     */
    Mono<List<CalendarEntry>> scheduledIndicators(Caller caller, String edition) {
        return backends.figures().get(caller, "/api/editions/{edition}/indicators:scheduled", edition).fetchJson().map(answer -> {
            List<CalendarEntry> entries = new ArrayList<>();
            if (answer.body() != null && answer.body().isArray()) {
                answer.body().forEach(json -> entries.add(CalendarEntry.ofIndicator(json, edition)));
            }
            return List.copyOf(entries);
        }).onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 404 ? Mono.just(List.of()) : Mono.error(refusal));
    }

    private static <T> Mono<List<T>> list(BackendClient service, Caller caller, String path, String edition,
            BiFunction<JsonNode, Boolean, T> read) {
        return service.get(caller, path, edition).fetchJson().map(answer -> {
            List<T> items = new ArrayList<>();
            JsonNode body = answer.body();
            if (body != null && body.isArray()) {
                for (JsonNode json : body) {
                    JsonNode owner = json.path("ownerTeam");
                    items.add(read.apply(json, caller.mayEdit(owner.isString() ? owner.asString() : null)));
                }
            }
            return List.copyOf(items);
        });
    }
}
