package org.reportplatform.gateway.studio.chapters;

import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.presence.ChapterPresence;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The chapter editor's routes under {@code /studio/{edition}/chapitres/{slug}}. Only signed-in
 * people reach {@code /studio/**} (the gateway's security chain); what each may change is the
 * services' decision. The figure picker's list is the figures pages' ({@code /studio/{edition}/chiffres/choix}).
 */
@Configuration(proxyBeanMethods = false)
public class ChapterEditorConfiguration {

    @Bean
    RouterFunction<ServerResponse> chapterEditorRoutes(Backends backends, ObjectProvider<ChapterPresence> presence, StudioPages pages) {
        return routes(backends, presence.getIfAvailable(), pages);
    }

    /** The routes, also for tests that bind a WebTestClient to them alone; {@code presence} may be null (nobody shown). */
    public static RouterFunction<ServerResponse> routes(Backends backends, ChapterPresence presence, StudioPages pages) {
        EditorPages editorPages = new EditorPages(backends, pages, pages.properties().zone());
        DraftText text = new DraftText(editorPages);
        ChapterEditorHandler editor = new ChapterEditorHandler(backends, presence, editorPages, text);
        DraftActionsHandler actions = new DraftActionsHandler(editorPages, text);
        ErratumHandler erratum = new ErratumHandler(backends, editorPages);
        String chapter = "/studio/{edition}/chapitres/{slug}";
        return RouterFunctions.route()
                .GET(chapter, editor::page)
                .POST(chapter, editor::save)
                .POST(chapter + "/brouillon", editor::autosave)
                .POST(chapter + "/fusion", editor::saveMerge)
                .POST(chapter + "/apercu", editor::preview)
                .POST(chapter + "/publier", actions::publish)
                .POST(chapter + "/erratum", erratum::publish)
                .POST(chapter + "/soumettre", actions::submit)
                .POST(chapter + "/programmer", actions::schedule)
                .POST(chapter + "/deprogrammer", actions::unschedule)
                .POST(chapter + "/approuver", actions::approve)
                .POST(chapter + "/modifications", actions::requestChanges)
                .GET(chapter + "/abandonner", actions::confirmDiscard)
                .POST(chapter + "/abandonner", actions::discard)
                .GET(chapter + "/presence", editor::presence)
                .POST(chapter + "/presence/depart", editor::left)
                .build();
    }
}
