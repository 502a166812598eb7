package org.reportplatform.gateway.studio.translations;

import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The studio's translation pages: an edition's status table and a chapter's translation editor
 * (its history is the studio's history pages, {@code …/traductions/{lang}/historique}).
 */
@Configuration(proxyBeanMethods = false)
public class TranslationsConfiguration {

    @Bean
    RouterFunction<ServerResponse> studioTranslationRoutes(StudioPages pages, Backends backends) {
        return routes(pages, backends);
    }

    /** The routes, also for tests that bind a WebTestClient to them alone. */
    public static RouterFunction<ServerResponse> routes(StudioPages pages, Backends backends) {
        TranslationEditorHandler editor = new TranslationEditorHandler(pages, backends);
        TranslationStatusHandler status = new TranslationStatusHandler(pages, backends);
        String translation = "/studio/{edition}/chapitres/{slug}/traductions/{lang}";
        return RouterFunctions.route()
                .GET("/studio/{edition}/traductions", status::page)
                .GET(translation, editor::page)
                .POST(translation, editor::save)
                .POST(translation + "/brouillon", editor::autosave)
                .POST(translation + "/publier", editor::publish)
                .POST(translation + "/soumettre", editor::submit)
                .POST(translation + "/programmer", editor::schedule)
                .POST(translation + "/deprogrammer", editor::unschedule)
                .GET(translation + "/abandonner", editor::confirmDiscard)
                .POST(translation + "/abandonner", editor::discard)
                .POST(translation + "/approuver", editor::approve)
                .POST(translation + "/modifications", editor::requestChanges)
                .POST(translation + "/equipe", editor::assign)
                .build();
    }
}
