package org.reportplatform.gateway.studio.translations;

import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /studio/{edition}/traductions}: the edition's translations at a glance, one line per
 * chapter in report order and one column per target language (« Traduit », « À mettre à jour »,
 * « Manquant », each a link to the translation's editor), and how far each team is.
 */
final class TranslationStatusHandler {

    private final StudioPages pages;
    private final TranslationsApi translations;
    private final EditionsApi editions;

    TranslationStatusHandler(StudioPages pages, Backends backends) {
        this.pages = pages;
        this.translations = new TranslationsApi(backends.content());
        this.editions = new EditionsApi(backends.content());
    }

    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> editions.describe(viewer.caller(), edition).flatMap(described ->
                (described.targetLanguages().isEmpty() ? Mono.<TranslationStatus>empty() : translations.status(viewer.caller(), edition))
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(status -> pages.ok("translations/status.jte", pages.model(viewer, edition)
                                .put("described", described)
                                .put("status", status.orElse(null))))));
    }
}
